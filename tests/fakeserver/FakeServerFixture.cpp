#include "FakeServerFixture.h"

bool FakeServerFixture::setUp()
{
    clock = std::make_unique<ManualClock>();
    server = std::make_unique<FakeAuthServer>(clock.get());
    if (!server->listen())
        return false;
    server->addUser(QString::fromLatin1(User), Password);
    server->addUser(QStringLiteral("bob"), "pw-bob");
    server->addClient(Dialect::Venafi,
                      {QString::fromLatin1(VenafiClient), {}, QString::fromLatin1(VenafiScope)});
    server->addClient(Dialect::Venafi,
                      {QStringLiteral("no-refresh"), {}, QString::fromLatin1(VenafiScope), false});
    server->addClient(
            Dialect::Salesforce,
            {QString::fromLatin1(SfClient), SfSecret, QStringLiteral("api refresh_token")});
    server->addClient(Dialect::Generic,
                      {QString::fromLatin1(PublicClient), {}, QStringLiteral("read write")});
    server->addClient(
            Dialect::Generic,
            {QString::fromLatin1(ConfClient), ConfSecret, QStringLiteral("read write admin")});
    http = std::make_unique<TestHttpClient>(server->baseUrl());
    return true;
}

void FakeServerFixture::tearDown()
{
    http.reset();
    server.reset();
    clock.reset();
}

HttpResult FakeServerFixture::venafiLogin(const QByteArray &clientId, const QByteArray &scope,
                                          const QByteArray &password)
{
    QJsonObject body;
    body.insert(QStringLiteral("client_id"), QString::fromUtf8(clientId));
    body.insert(QStringLiteral("username"), QString::fromLatin1(User));
    body.insert(QStringLiteral("password"), QString::fromUtf8(password));
    body.insert(QStringLiteral("scope"), QString::fromUtf8(scope));
    body.insert(QStringLiteral("state"), QString());
    return http->postJson("/vedauth/authorize/oauth", body);
}

HttpResult FakeServerFixture::venafiRefresh(const QByteArray &refreshToken,
                                            const QByteArray &clientId)
{
    QJsonObject body;
    body.insert(QStringLiteral("client_id"), QString::fromUtf8(clientId));
    body.insert(QStringLiteral("refresh_token"), QString::fromUtf8(refreshToken));
    return http->postJson("/vedauth/authorize/token", body);
}

HttpResult FakeServerFixture::sfLogin(const QByteArray &password)
{
    return http->postForm("/services/oauth2/token",
                          {{"grant_type", "password"},
                           {"client_id", SfClient},
                           {"client_secret", SfSecret},
                           {"username", User},
                           {"password", password}});
}

HttpResult FakeServerFixture::sfRefresh(const QByteArray &refreshToken)
{
    return http->postForm("/services/oauth2/token",
                          {{"grant_type", "refresh_token"}, {"refresh_token", refreshToken}},
                          TestHttpClient::basic(SfClient, SfSecret));
}

HttpResult FakeServerFixture::genericLogin(const QByteArray &clientId)
{
    return http->postForm("/generic/token",
                          {{"grant_type", "password"},
                           {"client_id", clientId},
                           {"username", User},
                           {"password", Password},
                           {"scope", "read"}});
}

HttpResult FakeServerFixture::genericRefresh(const QByteArray &refreshToken,
                                             const QByteArray &clientId)
{
    return http->postForm("/generic/token",
                          {{"grant_type", "refresh_token"},
                           {"client_id", clientId},
                           {"refresh_token", refreshToken}});
}
