#pragma once

#include <QUrl>

class SessionManager;

// Demo mode (scripts/run.sh): the accounts aimed at the demo server, one per dialect and one per
// interactive sign-in method. Password "demo" for the password accounts; the dialog is never
// prefilled with it.
namespace DemoAccounts {
void addTo(SessionManager *manager, const QUrl &server);
}
