#pragma once

#include <QObject>
#include <QSettings>
#include <QUrl>

#include <memory>

class AccountListModel;
class EventLogModel;
class SessionManager;
class SignInController;
class MainWindow;

// The composition root of the desktop application: builds the engine (keychain, registry,
// sessions), the agent for the person's programs and the widgets, and wires them. It owns every
// object and holds no logic; main.cpp only reads the command line and runs it.
class DesktopShell
{
public:
    struct Options
    {
        QString name; // keychain service and single-instance name: tokenkeeper(-demo)
        QUrl demoServer; // empty: not demo mode
        bool minimized = false;
    };
    explicit DesktopShell(const Options &options);
    ~DesktopShell();
    DesktopShell(const DesktopShell &) = delete;
    DesktopShell &operator=(const DesktopShell &) = delete;

    // Shows the window (unless minimized with a tray), runs the event loop, then lets the
    // keychain finish what it was asked (bounded). Returns the exit code.
    int exec();
    MainWindow *window() const;

    // The engine's account list reaching the models: every session is listed and logged, now
    // and when added or removed. Also used by the UI test rigs.
    static void connectModels(SessionManager *manager, AccountListModel *model, EventLogModel *log);

private:
    struct Parts;
    std::unique_ptr<Parts> d;
    Options m_options;
};
