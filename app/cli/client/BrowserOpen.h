#pragma once

#include <string>
#include <vector>

// Opens a URL in the person's browser without a shell: $BROWSER if set (the xdg-open
// convention: a colon-separated list of commands tried in order; each command is split at
// blanks, "%s" in an argument is replaced by the URL, else the URL is appended as one more
// argument; "%%" is a literal "%"), else xdg-open. The browser runs detached (its own session,
// no terminal, output discarded), so Ctrl-C on tokenctl does not reach it.
namespace BrowserOpen {

// The argv lists that would be tried, in order (for tests and messages).
std::vector<std::vector<std::string>> candidates(const std::string &browserEnv,
                                                 const std::string &url);
// True once a candidate was started; *used names it ("firefox", "xdg-open").
bool open(const std::string &url, std::string *used);

} // namespace BrowserOpen
