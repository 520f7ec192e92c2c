// tokenctl login: the dialog, the password from stdin, or (from a terminal) the account's own
// browser or device-code sign-in run by the app while tokenctl shows what to do and waits.
#include "BrowserOpen.h"
#include "CliCommon.h"
#include "Commands.h"
#include "ErrorCodes.h"
#include "TokenRequest.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

using tkwire::WireMessage;

namespace Commands {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void onSignal(int sig)
{
    g_interrupted = sig;
}

// SIGINT, SIGTERM and SIGHUP end the wait instead of the process: tokenctl closes the
// connection (the app cancels the sign-in), says so, and then dies of the same signal.
struct InterruptGuard
{
    struct sigaction old[3];
    static constexpr int kSignals[3] = {SIGINT, SIGTERM, SIGHUP};
    InterruptGuard()
    {
        struct sigaction sa = {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = 0; // no SA_RESTART: poll() returns EINTR
        for (int i = 0; i < 3; ++i)
            ::sigaction(kSignals[i], &sa, &old[i]);
    }
    ~InterruptGuard()
    {
        for (int i = 0; i < 3; ++i)
            ::sigaction(kSignals[i], &old[i], nullptr);
    }
};

int usage(const std::string &message)
{
    std::fprintf(stderr, "tokenctl: %s\ntokenctl: see tokenctl --help\n", message.c_str());
    return tkwire::ExitUsage;
}

std::string minutes(long long seconds)
{
    if (seconds >= 120)
        return std::to_string((seconds + 30) / 60) + " min";
    return std::to_string(seconds) + " s";
}

struct Show
{
    bool noBrowser = false;
    bool tty = false; // stderr is a terminal: the code in bold

    void browser(const WireMessage &m) const
    {
        const std::string url = m.get("url");
        std::fprintf(stderr, "tokenctl: sign in to %s in your browser:\n\n    %s\n\n",
                     m.get("account").c_str(), url.c_str());
        std::string used;
        if (noBrowser)
            std::fprintf(stderr,
                         "tokenctl: open that address in a browser on this computer "
                         "(it returns to 127.0.0.1 here)\n");
        else if (BrowserOpen::open(url, &used))
            std::fprintf(stderr,
                         "tokenctl: opened it with %s; if no browser appeared, open the "
                         "address yourself\n",
                         used.c_str());
        else
            std::fprintf(stderr,
                         "tokenctl: no browser could be started ($BROWSER, xdg-open); "
                         "open the address yourself\n");
        std::fprintf(stderr, "tokenctl: waiting up to %s for the sign-in (Ctrl-C cancels)\n",
                     minutes(std::atoll(m.get("expires_in", "600").c_str())).c_str());
    }

    void device(const WireMessage &m) const
    {
        const std::string host = m.get("host");
        std::fprintf(stderr, "tokenctl: to sign in to %s, open\n\n    %s\n\nand enter the code\n\n",
                     m.get("account").c_str(), m.get("verification_uri").c_str());
        if (tty)
            std::fprintf(stderr, "    \033[1m%s\033[0m\n\n", m.get("user_code").c_str());
        else
            std::fprintf(stderr, "    %s\n\n", m.get("user_code").c_str());
        if (m.has("verification_uri_complete"))
            std::fprintf(stderr, "(or open %s, which fills the code in)\n\n",
                         m.get("verification_uri_complete").c_str());
        // RFC 8628 §5.4: the code signs this app in for whoever enters it.
        std::fprintf(stderr,
                     "tokenctl: only enter this code on %s's own page, and only because you "
                     "ran this command; never for someone who sent you a code or asked you "
                     "for one\n",
                     host.c_str());
        std::fprintf(stderr, "tokenctl: the code expires in %s; waiting (Ctrl-C cancels)\n",
                     minutes(std::atoll(m.get("expires_in", "600").c_str())).c_str());
    }
};

const char *loginHint(int code, const WireMessage &reply)
{
    if (code == tkwire::ExitDenied && reply.get("denied_by") == "server")
        return "the sign-in was refused at the server (by you or its policy); run tokenctl "
               "login again to retry";
    if (code == tkwire::ExitSignInNeeded)
        return "run tokenctl login again for a new attempt";
    return tkcli::hintFor(code);
}

int loginHere(Context &c, const Args &a, WireMessage &req, bool explicitHere)
{
    req.set("mode", "here");
    req.set("progress", "1"); // protocol revision 2 (FrameCodec.h)
    req.set("interactive", c.interactive ? "1" : "0");
    if (!explicitHere)
        req.set("fallback", "dialog"); // a password account opens the dialog, as before
    Show show;
    show.noBrowser = a.has("--no-browser");
    show.tty = ::isatty(2) != 0;
    const InterruptGuard guard;
    g_interrupted = 0;
    c.client.setInterruptFlag(&g_interrupted);
    WireMessage reply;
    const tkcli::AgentClient::Result r =
            c.client.call(req, &reply, [&show](const WireMessage &frame) {
                if (frame.get("stage") == "browser")
                    show.browser(frame);
                else if (frame.get("stage") == "device")
                    show.device(frame);
            });
    c.client.setInterruptFlag(nullptr);
    if (r == tkcli::AgentClient::Result::Interrupted) {
        // The connection is closed: the app has cancelled the sign-in.
        std::fprintf(stderr, "\ntokenctl: sign-in cancelled\n");
        const int sig = g_interrupted;
        std::signal(sig, SIG_DFL);
        std::raise(sig); // the caller sees the signal, as a shell expects of Ctrl-C
        return 128 + sig;
    }
    if (r != tkcli::AgentClient::Result::Ok)
        return tkcli::report(c.client, r, reply, "tokenctl");
    if (reply.get("status") != "ok") {
        const int code = tkwire::exitCodeFor(reply.get("code", "internal"));
        std::fprintf(stderr, "tokenctl: %s\n", reply.get("message", "sign-in failed").c_str());
        if (const char *hint = loginHint(code, reply))
            std::fprintf(stderr, "tokenctl: %s\n", hint);
        return code;
    }
    if (reply.get("signed_in") == "1") {
        std::fprintf(stderr, "tokenctl: signed in to %s\n", reply.get("account").c_str());
        return 0;
    }
    // The dialog opened: a password account, or an app of protocol revision 1.
    if (reply.has("message"))
        std::fprintf(stderr, "tokenctl: %s\n", reply.get("message").c_str());
    if (reply.get("dialog") != "1")
        std::fprintf(stderr,
                     "tokenctl: this Tokenkeeper cannot sign in from the terminal "
                     "(protocol revision 1); finish the sign-in in its window\n");
    return 0;
}

} // namespace

int login(Context &c, const Args &a)
{
    WireMessage req("login");
    if (!TokenRequest::selectAccount(a, &req))
        return usage("login needs ACCOUNT (a name, an id or --url URL)");
    const bool password = a.has("--password-stdin");
    const bool dialog = a.has("--dialog");
    const bool here = a.has("--no-browser") || a.has("--no-dialog");
    if (int(password) + int(dialog) + int(here) > 1)
        return usage("choose one of --password-stdin, --dialog and --no-dialog/--no-browser");
    if (password && !secretFromStdin(&req, "password"))
        return usage("--password-stdin: no password on stdin");
    // From a terminal (stderr is one: the person sees what to do) the sign-in runs here;
    // elsewhere, or with --dialog, the app opens its sign-in dialog, as before.
    if (!password && !dialog && (here || ::isatty(2)))
        return loginHere(c, a, req, here);
    WireMessage reply;
    const int rc = tkcli::request(c.client, req, &reply, "tokenctl");
    req.wipe();
    if (rc == 0 && reply.has("message"))
        std::fprintf(stderr, "tokenctl: %s\n", reply.get("message").c_str());
    return rc;
}

} // namespace Commands
