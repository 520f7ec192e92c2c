#pragma once

#include "Clock.h"
#include "FakeAuthServer.h"
#include "TestHttpClient.h"

#include <memory>

// Shared setup for the fake server's tests: a ManualClock at 2026-01-01T00:00:00Z, a listening
// server with user alice and clients in each dialect, and a QNAM client aimed at it.
class FakeServerFixture
{
public:
    static constexpr const char *User = "alice";
    static constexpr const char *Password = "pw-alice";
    static constexpr const char *VenafiClient = "vcert-sdk";
    static constexpr const char *VenafiScope = "certificate:manage,revoke;configuration:manage";
    static constexpr const char *SfClient = "sf-app";
    static constexpr const char *SfSecret = "sf-secret";
    static constexpr const char *PublicClient = "pub";
    static constexpr const char *ConfClient = "conf";
    static constexpr const char *ConfSecret = "s3cr:t/+ \xc3\xa9"; // needs form-urlencoding

    bool setUp();
    void tearDown();
    qint64 nowSecs() const { return clock->wallMs() / 1000; }

    HttpResult venafiLogin(const QByteArray &clientId = VenafiClient,
                           const QByteArray &scope = "certificate:manage",
                           const QByteArray &password = Password);
    HttpResult venafiRefresh(const QByteArray &refreshToken,
                             const QByteArray &clientId = VenafiClient);
    HttpResult sfLogin(const QByteArray &password = Password);
    HttpResult sfRefresh(const QByteArray &refreshToken); // credentials via Basic
    HttpResult genericLogin(const QByteArray &clientId = PublicClient);
    HttpResult genericRefresh(const QByteArray &refreshToken,
                              const QByteArray &clientId = PublicClient);

    std::unique_ptr<ManualClock> clock;
    std::unique_ptr<FakeAuthServer> server;
    std::unique_ptr<TestHttpClient> http;
};
