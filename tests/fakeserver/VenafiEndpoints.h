#pragma once

#include "FakeHttpResponse.h"

#include <QString>

struct FakeServerState;
struct FakeGrant;
struct FakeRequest;

// Venafi TPP vedauth token API and a vedsdk resource stub (protocols.md §1.10): JSON bodies,
// absolute expiry times, errors in the reason phrase, refresh always rotates both tokens; the
// device flow of TPP 25.1 (RFC 8628 names; polls at authorize/token with a form body).
class VenafiEndpoints
{
public:
    explicit VenafiEndpoints(FakeServerState &state) : m_state(state) { }

    QString route(const QByteArray &path) const; // endpoint name, or empty
    FakeHttpResponse handle(const QString &endpoint, const FakeRequest &request);

    // Venafi scope grammar: "certificate:manage,revoke;configuration". Every requested item must
    // be allowed with all of its restrictions. Names and restrictions compare case-insensitively.
    static bool scopeAllowed(const QString &requested, const QString &allowed);

private:
    FakeHttpResponse login(const FakeRequest &request);
    FakeHttpResponse refresh(const FakeRequest &request);
    FakeHttpResponse verify(const FakeRequest &request);
    FakeHttpResponse revoke(const FakeRequest &request);
    FakeHttpResponse resource(const FakeRequest &request);
    FakeHttpResponse deviceStart(const FakeRequest &request); // POST /vedauth/authorize/device
    // nowMs: the same instant the handler issued tokens at, so expires_in == the lifetime
    FakeHttpResponse tokenReply(const FakeGrant &grant, qint64 nowMs);
    FakeHttpResponse invalidToken() const;

    FakeServerState &m_state;
};
