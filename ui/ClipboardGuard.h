#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QClipboard;

// Puts an access token on the clipboard and takes it off again after a delay (S-24), but only if
// the clipboard still holds it: whatever the person copied since is left alone. Marks the data
// as a secret so clipboard managers that honour the KDE hint keep it out of their history.
class ClipboardGuard : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultClearMs = 30000;

    explicit ClipboardGuard(QClipboard *clipboard, int clearAfterMs = kDefaultClearMs,
                            QObject *parent = nullptr);
    ~ClipboardGuard() override; // clears a still-owned token on exit

    void copySecret(const QByteArray &secret);
    bool isHolding() const { return !m_digest.isEmpty(); }
    int clearAfterMs() const { return m_timer.interval(); }
    // Time until the token is taken off again (for "Copied — clears in 30 s"); 0 if none held.
    int remainingMs() const
    {
        return isHolding() ? qBound(0, m_timer.remainingTime(), m_timer.interval()) : 0;
    }

Q_SIGNALS:
    void copied();
    void cleared(bool wasStillOurs);

private:
    void clearIfOurs();
    bool clipboardHoldsOurs() const;

    QClipboard *m_clipboard;
    QTimer m_timer;
    QByteArray m_digest; // SHA-256 of what we copied: we never keep the token itself
};
