#pragma once

#include <QUrl>

// Opens a URL in the person's browser: $BROWSER when set (the xdg-open convention: a
// colon-separated list of commands, "%s" standing for the URL; the first one is used), else the
// desktop's handler (QDesktopServices). Also how tests drive the browser sign-in.
namespace BrowserLauncher {
bool open(const QUrl &url);
} // namespace BrowserLauncher
