#pragma once

#include "AccountConfig.h"

#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QImage;

// The login dialog's sign-in method (Browser, Device code or Password, as the dialect allows)
// and, while a browser or device sign-in runs, what the person needs: the URL with a Copy button
// for when no browser opens, or the user code, large and selectable, with the page to enter it
// on (and, when the server gives a verification_uri_complete, a link and a QR code with the code
// already filled in), the time the code has left, an "Open browser" button and the RFC 8628 §5.4
// warning about where to enter it.
class SignInMethodPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SignInMethodPanel(QWidget *parent = nullptr);

    QComboBox *chooser() const { return m_chooser; } // placed in the dialog's form
    void setDialect(Dialect dialect); // the choices it allows; keeps the method when it can
    void setMethod(SignInMethod method);
    SignInMethod method() const;

    void showBrowserUrl(const QUrl &url);
    // expiresAtMs: wall-clock epoch ms (0: unknown, no countdown).
    void showDeviceCode(const QString &userCode, const QUrl &verificationUri,
                        const QUrl &verificationUriComplete, qint64 expiresAtMs = 0);
    void clear();
    QString shownText() const; // what the pending area says (tests)
    QImage qrCode() const; // the QR code shown, or a null image (tests)

Q_SIGNALS:
    void methodChanged(SignInMethod method);
    void openUrlRequested(const QUrl &url);
    // The flow now waits on the person (in the browser, or entering the code).
    void waitingOnPerson(SignInMethod method);

private:
    void showTimeLeft();

    QComboBox *m_chooser;
    QLabel *m_text;
    QLabel *m_code;
    QLineEdit *m_address;
    QPushButton *m_copy;
    QPushButton *m_open;
    QUrl m_url;
    QString m_copyText;
    QLabel *m_qr;
    QLabel *m_link;
    QLabel *m_timeLeft;
    QTimer *m_countdown;
    qint64 m_expiresAtMs = 0;
    bool m_methodChosen = false; // by the person or the account; else the dialect's default
};
