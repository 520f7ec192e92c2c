#include "AccountMatcher.h"

#include "AccountSession.h"
#include "AgentReplies.h"
#include "ErrorCodes.h"

#include <QCoreApplication>
#include <QStringList>

static QString candidates(const QList<AccountSession *> &list)
{
    QStringList names;
    for (AccountSession *s : list) {
        const AccountConfig c = s->config();
        names << QStringLiteral("%1 (id %2)").arg(c.displayName, c.id);
    }
    return names.join(QStringLiteral(", "));
}

static AccountMatcher::Result pick(const QList<AccountSession *> &matches, const QString &what)
{
    AccountMatcher::Result r;
    if (matches.size() == 1) {
        r.session = matches.first();
        return r;
    }
    if (matches.isEmpty()) {
        r.code = QString::fromLatin1(tkwire::code::kNotFound);
        r.message = QCoreApplication::translate("AccountMatcher",
                                                "no account matches %1 (tokenctl list shows "
                                                "them)")
                            .arg(what);
        return r;
    }
    r.code = QString::fromLatin1(tkwire::code::kAmbiguous);
    r.message = QCoreApplication::translate("AccountMatcher",
                                            "%1 matches several accounts: %2; name one by its id")
                        .arg(what, candidates(matches));
    return r;
}

AccountMatcher::Result AccountMatcher::byName(const QList<AccountSession *> &sessions,
                                              const QString &nameOrId)
{
    const QString what = QLatin1Char('"') + nameOrId + QLatin1Char('"');
    for (AccountSession *s : sessions) {
        if (s->id() == nameOrId)
            return pick({s}, what);
    }
    QList<AccountSession *> exact, folded;
    for (AccountSession *s : sessions) {
        const QString name = s->config().displayName;
        if (name == nameOrId)
            exact << s;
        else if (name.compare(nameOrId, Qt::CaseInsensitive) == 0)
            folded << s;
    }
    return pick(exact.isEmpty() ? folded : exact, what);
}

static int effectivePort(const QUrl &u)
{
    if (u.port() > 0)
        return u.port();
    if (u.scheme() == QLatin1String("http"))
        return 80;
    return 443; // https, git's "https", and URLs without a scheme
}

int AccountMatcher::urlScore(const QUrl &account, const QUrl &wanted)
{
    if (account.host().isEmpty() || account.host().compare(wanted.host(), Qt::CaseInsensitive) != 0
        || effectivePort(account) != effectivePort(wanted))
        return -1;
    QString prefix = account.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    if (prefix.isEmpty())
        return 0;
    const QString path = wanted.path();
    if (path == prefix || path.startsWith(prefix + QLatin1Char('/')))
        return int(prefix.size());
    return -1;
}

AccountMatcher::Result AccountMatcher::byUrl(const QList<AccountSession *> &sessions,
                                             const QUrl &url)
{
    int best = -1;
    QList<AccountSession *> matches;
    for (AccountSession *s : sessions) {
        const AccountConfig c = s->config();
        int score = urlScore(c.serverUrl, url);
        score = qMax(score, urlScore(c.tokenEndpoint.adjusted(QUrl::RemovePath), url));
        if (score < 0)
            continue;
        if (score > best) {
            best = score;
            matches.clear();
        }
        if (score == best)
            matches << s;
    }
    return pick(matches, url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
}

AccountSession *
AccountMatcher::resolve(const QList<AccountSession *> &sessions, const tkwire::WireMessage &request,
                        const std::function<void(const tkwire::WireMessage &)> &reply)
{
    Result r;
    if (request.has("url")) {
        const QString text = QString::fromStdString(request.get("url"));
        const QUrl url(text);
        if (!url.isValid() || url.host().isEmpty()) {
            reply(AgentReplies::error(
                    tkwire::code::kBadRequest,
                    QCoreApplication::translate("AccountMatcher", "not a URL: %1").arg(text)));
            return nullptr;
        }
        r = byUrl(sessions, url);
    } else if (request.has("account")) {
        r = byName(sessions, QString::fromStdString(request.get("account")));
    } else {
        reply(AgentReplies::error(
                tkwire::code::kBadRequest,
                QCoreApplication::translate("AccountMatcher", "no account named in the request")));
        return nullptr;
    }
    if (!r.session)
        reply(AgentReplies::error(r.code, r.message));
    return r.session;
}
