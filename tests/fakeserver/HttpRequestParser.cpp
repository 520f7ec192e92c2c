#include "HttpRequestParser.h"

HttpRequestParser::State HttpRequestParser::feed(const QByteArray &data)
{
    if (m_state != State::NeedMore)
        return m_state;
    m_buffer += data;
    if (m_contentLength < 0) {
        const int end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return m_buffer.size() > MaxHeadBytes ? fail(431) : State::NeedMore;
        if (end > MaxHeadBytes)
            return fail(431);
        if (!parseHead(m_buffer.left(end)))
            return m_state;
        m_buffer.remove(0, end + 4);
    }
    if (m_buffer.size() < m_contentLength)
        return State::NeedMore;
    m_request.body = m_buffer.left(m_contentLength);
    m_buffer.clear();
    return m_state = State::Done;
}

HttpRequestParser::State HttpRequestParser::fail(int status)
{
    m_errorStatus = status;
    m_buffer.clear();
    return m_state = State::Error;
}

bool HttpRequestParser::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> parts = lines.value(0).trimmed().split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.") || parts.at(0).isEmpty()) {
        fail(400);
        return false;
    }
    m_request.method = parts.at(0);
    QByteArray target = parts.at(1);
    if (target.startsWith("http://") || target.startsWith("https://")) { // absolute-form
        const int slash = target.indexOf('/', target.indexOf("//") + 2);
        target = slash < 0 ? QByteArray("/") : target.mid(slash);
    }
    if (!target.startsWith('/')) {
        fail(400);
        return false;
    }
    const int q = target.indexOf('?');
    m_request.path = q < 0 ? target : target.left(q);
    m_request.query = q < 0 ? QByteArray() : target.mid(q + 1);

    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const int colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400);
            return false;
        }
        m_request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    if (!m_request.header("Transfer-Encoding").isEmpty()) {
        fail(501); // chunked request bodies are out of scope
        return false;
    }
    const QByteArray length = m_request.header("Content-Length");
    bool ok = true;
    m_contentLength = length.isEmpty() ? 0 : length.toLongLong(&ok);
    if (!ok || m_contentLength < 0) {
        fail(400);
        return false;
    }
    if (m_contentLength > MaxBodyBytes) {
        fail(413);
        return false;
    }
    return true;
}
