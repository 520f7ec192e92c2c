#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

// Keeps one running Tokenkeeper per user (so there is one refresher, R-03). The first instance
// listens on a local socket in a private 0700 directory owned by us; a later one sends "raise"
// and exits. Peers get a short time to speak and only a few may be connected at once.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    enum class Role {
        Primary, // we listen; raiseRequested() fires when another launch knocks
        Secondary, // another instance answered and was asked to raise its window
        Failed, // the socket directory is unsafe or unusable; see errorString()
    };
    Q_ENUM(Role)

    static constexpr int kIdleTimeoutMs = 2000; // a peer that says nothing is dropped after this
    static constexpr int kMaxConnections = 8; // further peers are refused while this many wait

    // `socketDir` is created 0700 if missing and refused if it is group/world accessible, not
    // a directory (a symlink included) or owned by another user.
    SingleInstance(const QString &socketDir, const QString &name, QObject *parent = nullptr);
    ~SingleInstance() override;

    // $XDG_RUNTIME_DIR/tokenkeeper (or the platform's runtime location).
    static QString defaultSocketDir();

    Role start();
    QString socketPath() const;
    QString errorString() const { return m_error; }
    int connectionCount() const { return m_connections; }
    void setIdleTimeout(int ms) { m_idleTimeoutMs = ms; } // tests

Q_SIGNALS:
    void raiseRequested();

private:
    bool prepareDirectory();
    bool notifyRunning();
    void onNewConnection();

    QString m_dir;
    QString m_name;
    QString m_error;
    QLocalServer *m_server = nullptr;
    int m_connections = 0;
    int m_idleTimeoutMs = kIdleTimeoutMs;
};
