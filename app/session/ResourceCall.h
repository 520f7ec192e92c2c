#pragma once

#include "AccountSession.h"

class HttpClient;
class OAuthDialect;

// The reactive half of the seeds' flow (M-34, M-35): call a resource with the account's access
// token as a Bearer header; when the server rejects that token (in the dialect's words), report
// it, wait for the account's one refresh and retry once. A second rejection, an insufficient
// scope (never refreshed) or a session that went away comes back as the error. The callback
// runs exactly once.
namespace ResourceCall {
void start(AccountSession *session, HttpClient *http, const OAuthDialect *dialect,
           const HttpRequest &request, AccountSession::ResourceCallback callback);
} // namespace ResourceCall
