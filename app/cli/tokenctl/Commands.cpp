#include "Commands.h"

#include "CliCommon.h"
#include "ErrorCodes.h"
#include "JsonWriter.h"
#include "TokenRequest.h"

#include <cstdio>
#include <ctime>
#include <string>
#include <unistd.h>

using tkwire::WireMessage;

namespace Commands {

static const char *kProgram = "tokenctl";

static int usage(const std::string &message)
{
    std::fprintf(stderr, "tokenctl: %s\ntokenctl: see tokenctl --help\n", message.c_str());
    return tkwire::ExitUsage;
}

static std::string isoTime(long long epochSeconds)
{
    if (epochSeconds <= 0)
        return std::string();
    const std::time_t t = std::time_t(epochSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

static bool confirm(const Args &a, const std::string &question)
{
    if (a.has("--yes"))
        return true;
    if (!::isatty(0)) {
        std::fprintf(stderr, "tokenctl: %s needs --yes when stdin is not a terminal\n",
                     a.verb.c_str());
        return false;
    }
    std::fprintf(stderr, "%s [y/N] ", question.c_str());
    std::string answer;
    tkcli::readLineFromStdin(&answer);
    return answer == "y" || answer == "Y" || answer == "yes";
}

int list(Context &c, const Args &a)
{
    WireMessage reply;
    const int rc = tkcli::request(c.client, WireMessage("list"), &reply, kProgram);
    if (rc != 0)
        return rc;
    const int count = std::atoi(reply.get("count", "0").c_str());
    if (a.has("--json")) {
        tkcli::JsonWriter w;
        w.beginArray(nullptr);
        for (int i = 0; i < count; ++i) {
            const std::string p = "a" + std::to_string(i) + ".";
            const long long exp = std::atoll(reply.get(p + "expires_at").c_str());
            w.beginObject()
                    .string("id", reply.get(p + "id"))
                    .string("name", reply.get(p + "name"))
                    .string("dialect", reply.get(p + "dialect"))
                    .string("host", reply.get(p + "host"))
                    .string("state", reply.get(p + "state"))
                    .string("storage", reply.get(p + "storage"));
            if (exp > 0)
                w.number("expires_at", exp);
            w.endObject();
        }
        w.endArray();
        std::printf("%s\n", w.text().c_str());
        return 0;
    }
    if (count == 0) {
        std::printf("No accounts. Add one in Tokenkeeper or with: tokenctl add ...\n");
        return 0;
    }
    std::printf("%-24s %-10s %-28s %-15s %s\n", "NAME", "DIALECT", "HOST", "STATE",
                "ACCESS TOKEN EXPIRES");
    for (int i = 0; i < count; ++i) {
        const std::string p = "a" + std::to_string(i) + ".";
        const long long exp = std::atoll(reply.get(p + "expires_at").c_str());
        std::printf("%-24s %-10s %-28s %-15s %s\n", reply.get(p + "name").c_str(),
                    reply.get(p + "dialect").c_str(), reply.get(p + "host").c_str(),
                    reply.get(p + "state").c_str(), exp > 0 ? isoTime(exp).c_str() : "-");
    }
    return 0;
}

int token(Context &c, const Args &a)
{
    TokenRequest t;
    const int rc = t.fetch(c, a);
    if (rc != 0)
        return rc;
    if (a.has("--json")) {
        tkcli::JsonWriter w;
        w.beginObject()
                .string("access_token", t.token)
                .string("token_type", t.reply.get("token_type", "Bearer"))
                .number("expires_at", std::atoll(t.reply.get("expires_at").c_str()))
                .string("scope", t.reply.get("scope"));
        if (t.reply.has("instance_url"))
            w.string("instance_url", t.reply.get("instance_url"));
        w.endObject();
        std::printf("%s\n", w.text().c_str());
    } else {
        std::printf("%s\n", t.token.c_str());
    }
    return std::fflush(stdout) == 0 ? 0 : tkwire::ExitOther;
}

int header(Context &c, const Args &a)
{
    TokenRequest t;
    const int rc = t.fetch(c, a);
    if (rc != 0)
        return rc;
    std::printf("Authorization: Bearer %s\n", t.token.c_str());
    return std::fflush(stdout) == 0 ? 0 : tkwire::ExitOther;
}

// KUBERNETES_EXEC_INFO is JSON chosen by client-go; only spec.interactive matters here.
static bool kubeInteractive(bool fallback)
{
    const char *info = std::getenv("KUBERNETES_EXEC_INFO");
    if (!info)
        return fallback;
    const std::string s = info;
    const auto key = s.find("\"interactive\"");
    if (key == std::string::npos)
        return false; // unknown: never wait on a person
    auto pos = s.find(':', key);
    if (pos == std::string::npos)
        return false;
    ++pos;
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n'))
        ++pos;
    return s.compare(pos, 4, "true") == 0;
}

int kubectl(Context &c, const Args &a)
{
    c.interactive = c.interactive && kubeInteractive(::isatty(0) != 0);
    TokenRequest t;
    const int rc = t.fetch(c, a);
    if (rc != 0)
        return rc;
    tkcli::JsonWriter w;
    w.beginObject()
            .string("apiVersion", "client.authentication.k8s.io/v1")
            .string("kind", "ExecCredential")
            .beginObject("status")
            .string("token", t.token)
            .string("expirationTimestamp", isoTime(std::atoll(t.reply.get("expires_at").c_str())))
            .endObject()
            .endObject();
    std::printf("%s\n", w.text().c_str());
    return std::fflush(stdout) == 0 ? 0 : tkwire::ExitOther;
}

int rejected(Context &c, const Args &a)
{
    WireMessage req("rejected");
    if (!TokenRequest::selectAccount(a, &req))
        return usage("rejected needs ACCOUNT (a name, an id or --url URL)");
    std::string token;
    if (!tkcli::readAllFromStdin(&token) || token.empty())
        return usage("rejected reads the rejected token on stdin");
    req.set("token", token);
    tkcli::wipe(&token);
    WireMessage reply;
    const int rc = tkcli::request(c.client, req, &reply, kProgram);
    req.wipe();
    return rc;
}

// A secret only ever comes from stdin (never argv or the environment): one line, into `key`.
bool secretFromStdin(WireMessage *req, const char *key)
{
    std::string secret;
    const bool ok = tkcli::readLineFromStdin(&secret) && !secret.empty();
    if (ok)
        req->set(key, secret);
    tkcli::wipe(&secret);
    return ok;
}

int add(Context &c, const Args &a)
{
    if (!a.positional.empty())
        return usage("add takes only --flags");
    for (const char *required : {"--dialect", "--server", "--client-id"}) {
        if (!a.has(required))
            return usage(std::string("add needs ") + required);
    }
    WireMessage req("add");
    const std::pair<const char *, const char *> fields[] = {
            {"--dialect", "dialect"}, {"--server", "server"}, {"--client-id", "client_id"},
            {"--name", "name"},       {"--user", "user"},     {"--scope", "scope"},
            {"--method", "method"}};
    for (const auto &f : fields) {
        if (a.has(f.first))
            req.set(f.second, a.value(f.first));
    }
    if (a.has("--client-secret-stdin") && !secretFromStdin(&req, "client_secret"))
        return usage("--client-secret-stdin: no secret on stdin");
    WireMessage reply;
    const int rc = tkcli::request(c.client, req, &reply, kProgram);
    req.wipe();
    if (rc == 0)
        std::printf("added %s (id %s); sign in with: tokenctl login '%s'\n",
                    reply.get("account").c_str(), reply.get("account_id").c_str(),
                    reply.get("account").c_str());
    return rc;
}

static int destructive(Context &c, const Args &a, const char *op, const char *verb)
{
    WireMessage req(op);
    if (!TokenRequest::selectAccount(a, &req))
        return usage(std::string(verb) + " needs ACCOUNT (a name, an id or --url URL)");
    const std::string what = a.has("--url") ? a.value("--url") : a.positional.at(0);
    if (!confirm(a, std::string(verb) + " " + what + "?"))
        return tkwire::ExitUsage;
    WireMessage reply;
    const int rc = tkcli::request(c.client, req, &reply, kProgram);
    if (rc == 0 && reply.get("confirmed") == "0")
        std::fprintf(stderr, "tokenctl: revoked locally; the server did not confirm: %s\n",
                     reply.get("message").c_str());
    return rc;
}

int remove(Context &c, const Args &a)
{
    return destructive(c, a, "remove", "remove");
}

int revoke(Context &c, const Args &a)
{
    return destructive(c, a, "revoke", "revoke");
}

int status(Context &c, const Args &)
{
    c.client.setAutoStart(false);
    WireMessage reply;
    const tkcli::AgentClient::Result r = c.client.call(WireMessage("status"), &reply);
    if (r == tkcli::AgentClient::Result::NotRunning) {
        std::printf("Tokenkeeper is not running (agent socket %s)\n",
                    c.client.socketPath().c_str());
        return tkwire::ExitNotRunning;
    }
    if (r != tkcli::AgentClient::Result::Ok || reply.get("status") != "ok") {
        std::fprintf(stderr, "tokenctl: %s\n",
                     r == tkcli::AgentClient::Result::Ok ? reply.get("message").c_str()
                                                         : c.client.error().c_str());
        return tkwire::ExitOther;
    }
    std::printf("Tokenkeeper %s is running (pid %s)\nagent socket: %s (protocol %s, revision %s)\n"
                "accounts: %s\n",
                reply.get("version").c_str(), reply.get("pid").c_str(), reply.get("socket").c_str(),
                reply.get("protocol").c_str(), reply.get("revision", "1").c_str(),
                reply.get("accounts").c_str());
    return 0;
}

} // namespace Commands
