#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

// Keeps one running Tokenkeeper per user (so there is one refresher, R-03). The first instance
// listens on a local socket in a private 0700 directory; a later one sends "raise" and exits.
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

    // `socketDir` is created 0700 if missing and refused if it is group/world accessible.
    SingleInstance(const QString &socketDir, const QString &name, QObject *parent = nullptr);
    ~SingleInstance() override;

    // $XDG_RUNTIME_DIR/tokenkeeper (or the platform's runtime location).
    static QString defaultSocketDir();

    Role start();
    QString socketPath() const;
    QString errorString() const { return m_error; }

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
};
