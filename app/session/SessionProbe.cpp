#include "SessionProbe.h"

#include "AccountConfig.h"
#include "OAuthDialect.h"

namespace SessionProbe {

HttpRequest request(const OAuthDialect &dialect, const AccountConfig &config,
                    const TokenSet &tokens, const QByteArray &clientSecret, bool *viaResource)
{
    HttpRequest r;
    if (!*viaResource) {
        Credentials creds;
        creds.clientSecret = clientSecret;
        r = dialect.verifyRequest(config, tokens, creds);
        creds.wipe();
    }
    if (*viaResource || r.url.isEmpty()) {
        r = dialect.sessionProbeRequest(config, tokens);
        *viaResource = true;
    }
    return r;
}

AuthError read(const OAuthDialect &dialect, const HttpReply &reply, bool viaResource, bool *active,
               bool *refused)
{
    *active = false;
    const AuthError error = viaResource ? dialect.classifySessionProbe(reply, active)
                                        : dialect.classifyVerifyReply(reply, active);
    *refused = !viaResource && error
            && (error.needsConfiguration() || error.kind == AuthError::Kind::Scope);
    return error;
}

} // namespace SessionProbe
