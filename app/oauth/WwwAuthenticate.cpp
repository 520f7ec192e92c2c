#include "WwwAuthenticate.h"

namespace {

bool isTchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken68Char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}

// A cursor over the header value; every read either consumes input or reports failure.
class Scanner
{
public:
    explicit Scanner(const QByteArray &text) : m_text(text) { }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    int pos() const { return m_pos; }
    void setPos(int pos) { m_pos = pos; }
    void advance() { ++m_pos; }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t'))
            ++m_pos;
    }
    void skipSpaceAndCommas()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == ','))
            ++m_pos;
    }
    QByteArray token()
    {
        const int start = m_pos;
        while (!atEnd() && isTchar(peek()))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }
    QByteArray token68()
    {
        const int start = m_pos;
        while (!atEnd() && isToken68Char(peek()))
            ++m_pos;
        if (m_pos == start)
            return QByteArray();
        while (!atEnd() && peek() == '=')
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }
    QByteArray quoted() // at '"'; an unterminated string takes the rest of the input
    {
        QByteArray out;
        ++m_pos;
        while (!atEnd()) {
            const char c = m_text.at(m_pos++);
            if (c == '"')
                return out;
            if (c == '\\' && !atEnd())
                out += m_text.at(m_pos++);
            else
                out += c;
        }
        return out;
    }
    void skipToComma()
    {
        while (!atEnd() && peek() != ',')
            ++m_pos;
    }

private:
    const QByteArray &m_text;
    int m_pos = 0;
};

// Tries "name = value" at the cursor. Leaves the cursor untouched when it is not a param.
bool readParam(Scanner &s, AuthChallenge *challenge)
{
    const int start = s.pos();
    const QByteArray name = s.token();
    if (name.isEmpty()) {
        s.setPos(start);
        return false;
    }
    s.skipSpace();
    if (s.peek() != '=') {
        s.setPos(start);
        return false;
    }
    s.advance();
    s.skipSpace();
    if (s.peek() != '"' && !isTchar(s.peek())) {
        s.setPos(start); // "abc==" is a token68, not a param with an empty value
        return false;
    }
    const QByteArray value = s.peek() == '"' ? s.quoted() : s.token();
    const QByteArray key = name.toLower();
    if (!challenge->params.contains(key))
        challenge->params.insert(key, value);
    return true;
}

} // namespace

namespace WwwAuthenticate {

QList<AuthChallenge> parseAll(const QByteArray &value)
{
    QList<AuthChallenge> out;
    Scanner s(value);
    while (true) {
        s.skipSpaceAndCommas();
        if (s.atEnd())
            break;
        AuthChallenge challenge;
        challenge.scheme = s.token();
        if (challenge.scheme.isEmpty()) {
            s.advance(); // not a token character: skip it and resynchronise
            s.skipToComma();
            continue;
        }
        s.skipSpace();
        // Either a token68 or a comma-separated list of auth-params.
        bool first = true;
        while (!s.atEnd()) {
            s.skipSpace();
            if (readParam(s, &challenge)) {
                first = false;
            } else if (first && isToken68Char(s.peek())) {
                const int start = s.pos();
                const QByteArray t68 = s.token68();
                s.skipSpace();
                if (s.atEnd() || s.peek() == ',') {
                    challenge.token68 = t68;
                } else {
                    s.setPos(start); // "Basic realm" without '=': next challenge
                    break;
                }
                first = false;
            } else {
                break;
            }
            s.skipSpace();
            if (s.peek() != ',')
                break;
            // After a comma: another param of this challenge, or the next challenge's scheme.
            const int afterComma = s.pos();
            s.skipSpaceAndCommas();
            AuthChallenge probe;
            const int probeStart = s.pos();
            if (!readParam(s, &probe)) {
                s.setPos(afterComma);
                break;
            }
            s.setPos(probeStart);
        }
        out.append(challenge);
        // Anything that is neither a param nor a scheme start is skipped up to the next comma.
        s.skipSpace();
        if (!s.atEnd() && s.peek() != ',' && !isTchar(s.peek()))
            s.skipToComma();
    }
    return out;
}

AuthChallenge parse(const QByteArray &value)
{
    const QList<AuthChallenge> all = parseAll(value);
    for (const AuthChallenge &c : all) {
        if (c.isScheme("Bearer"))
            return c;
    }
    return all.isEmpty() ? AuthChallenge() : all.first();
}

} // namespace WwwAuthenticate
