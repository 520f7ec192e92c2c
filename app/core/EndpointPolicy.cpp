#include "EndpointPolicy.h"

#include <QRegularExpression>

namespace EndpointPolicy {

bool isLiteralLoopback(const QUrl &url)
{
    // QUrl normalises "0x7f.1" and friends only for some forms; compare the raw authority text
    // so that nothing but the two canonical literals passes.
    const QString host = url.host(QUrl::FullyEncoded);
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("::1");
}

Refusal refusal(const QString &typedUrl)
{
    const QString text = typedUrl.trimmed();
    // The authority exactly as typed: between "//" and the first "/", "?" or "#".
    const int start = text.indexOf(QLatin1String("://"));
    if (start > 0 && text.left(start).compare(QLatin1String("http"), Qt::CaseInsensitive) == 0) {
        static const QRegularExpression end(QStringLiteral("[/?#]"));
        static const QRegularExpression port(QStringLiteral(":[0-9]*$"));
        QString authority = text.mid(start + 3);
        authority = authority.left(authority.indexOf(end));
        authority.remove(port);
        if (authority != QLatin1String("127.0.0.1") && authority != QLatin1String("[::1]"))
            return Refusal::PlainHttp;
    }
    return refusal(QUrl(text, QUrl::StrictMode));
}

Refusal refusal(const QUrl &url)
{
    if (url.isEmpty())
        return Refusal::Empty;
    if (!url.isValid())
        return Refusal::Invalid;
    if (url.host().isEmpty())
        return Refusal::NoHost;
    if (!url.userInfo().isEmpty())
        return Refusal::UserInfo;
    if (url.hasFragment())
        return Refusal::Fragment;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return Refusal::None;
    if (scheme == QLatin1String("http"))
        return isLiteralLoopback(url) ? Refusal::None : Refusal::PlainHttp;
    return Refusal::Scheme;
}

static QString sentence(Refusal why, const QUrl &url)
{
    switch (why) {
    case Refusal::None:
        return QString();
    case Refusal::Empty:
        return QStringLiteral("The URL is empty.");
    case Refusal::Invalid:
        return QStringLiteral("The URL is not valid.");
    case Refusal::NoHost:
        return QStringLiteral("The URL has no host name.");
    case Refusal::UserInfo:
        return QStringLiteral("The URL must not contain a user name or password.");
    case Refusal::Fragment:
        return QStringLiteral("The URL must not contain a fragment (#...).");
    case Refusal::PlainHttp:
        return QStringLiteral(
                "The URL must use https:// (plain http is only allowed to 127.0.0.1 or [::1]).");
    case Refusal::Scheme:
        return QStringLiteral("Unsupported URL scheme \"%1\"; use https://.").arg(url.scheme());
    }
    return QString();
}

QString check(const QString &typedUrl)
{
    return sentence(refusal(typedUrl), QUrl(typedUrl.trimmed()));
}

QString check(const QUrl &url)
{
    return sentence(refusal(url), url);
}

} // namespace EndpointPolicy
