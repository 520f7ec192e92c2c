#include "SignInMethodPanel.h"

#include "QrCode.h"
#include "TimeFormat.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

SignInMethodPanel::SignInMethodPanel(QWidget *parent)
    : QWidget(parent),
      m_chooser(new QComboBox(parent)),
      m_text(new QLabel(this)),
      m_code(new QLabel(this)),
      m_address(new QLineEdit(this)),
      m_copy(new QPushButton(tr("Cop&y"), this)),
      m_open(new QPushButton(tr("Open &browser"), this)),
      m_qr(new QLabel(this)),
      m_link(new QLabel(this)),
      m_timeLeft(new QLabel(this)),
      m_countdown(new QTimer(this))
{
    m_chooser->setAccessibleName(tr("Sign-in method"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setAccessibleName(tr("Sign-in instructions"));
    QFont big = m_code->font();
    big.setPointSizeF(big.pointSizeF() * 2);
    big.setBold(true);
    m_code->setFont(big);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_code->setAccessibleName(tr("Code to enter"));
    m_address->setReadOnly(true); // a long URL scrolls instead of running off the dialog
    m_address->setAccessibleName(tr("Sign-in address"));
    m_link->setTextFormat(Qt::RichText);
    m_link->setWordWrap(true);
    m_link->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_link->setAccessibleName(tr("Sign-in page with the code filled in"));
    m_qr->setAccessibleName(tr("QR code of the sign-in page"));
    m_qr->setToolTip(tr("Scan with a phone to open the sign-in page with the code filled in"));
    m_timeLeft->setAccessibleName(tr("Time left for the code"));
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &SignInMethodPanel::showTimeLeft);
    layout->addWidget(m_code);
    layout->addWidget(m_text);
    layout->addWidget(m_link);
    layout->addWidget(m_address);
    layout->addWidget(m_qr, 0, Qt::AlignLeft);
    layout->addWidget(m_timeLeft);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_open);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_copyText); });
    connect(m_open, &QPushButton::clicked, this, [this] { Q_EMIT openUrlRequested(m_url); });
    connect(m_link, &QLabel::linkActivated, this, // through $BROWSER like the button
            [this](const QString &link) { Q_EMIT openUrlRequested(QUrl(link)); });
    // setDialect() changes the choice with signals blocked: what arrives here is a choice.
    connect(m_chooser, &QComboBox::currentIndexChanged, this, [this] {
        m_methodChosen = true;
        Q_EMIT methodChanged(method());
    });
    setDialect(Dialect::Generic);
    clear();
}

void SignInMethodPanel::setDialect(Dialect dialect)
{
    const SignInMethod keep = method();
    const QSignalBlocker block(m_chooser);
    m_chooser->clear();
    if (dialect != Dialect::Venafi) // TPP has no browser sign-in of its own
        m_chooser->addItem(tr("Browser"), int(SignInMethod::Browser));
    m_chooser->addItem(tr("Device code"), int(SignInMethod::Device));
    m_chooser->addItem(tr("Password"), int(SignInMethod::Password));
    // Browser is the default where the dialect has it (RFC 8252; RFC 9700 §2.4 advises against
    // the password grant); a method the person or the account chose is kept where allowed.
    const int chosen = m_methodChosen ? m_chooser->findData(int(keep)) : -1;
    const int browser = m_chooser->findData(int(SignInMethod::Browser));
    m_chooser->setCurrentIndex(chosen >= 0 ? chosen
                                       : browser >= 0
                                       ? browser
                                       : m_chooser->findData(int(SignInMethod::Password)));
    if (m_chooser->currentData().toInt() != int(keep))
        Q_EMIT methodChanged(method());
}

void SignInMethodPanel::setMethod(SignInMethod m)
{
    m_methodChosen = true;
    const int index = m_chooser->findData(int(m));
    if (index >= 0)
        m_chooser->setCurrentIndex(index);
}

SignInMethod SignInMethodPanel::method() const
{
    return m_chooser->count() == 0 ? SignInMethod::Password
                                   : SignInMethod(m_chooser->currentData().toInt());
}

void SignInMethodPanel::showBrowserUrl(const QUrl &url)
{
    m_url = url;
    m_copyText = url.toString(QUrl::FullyEncoded);
    m_code->hide();
    m_link->hide();
    m_qr->hide();
    m_timeLeft->hide();
    m_countdown->stop();
    m_text->setText(tr("Finish signing in in your browser. If no browser opened, copy this "
                       "address into one:"));
    m_address->setText(m_copyText);
    m_address->setCursorPosition(0);
    m_address->show();
    m_copy->setText(tr("Cop&y address"));
    setVisible(true); // the dialog grows with it (its layout sets the minimum size)
    Q_EMIT waitingOnPerson(SignInMethod::Browser);
}

void SignInMethodPanel::showDeviceCode(const QString &userCode, const QUrl &verificationUri,
                                       const QUrl &verificationUriComplete, qint64 expiresAtMs)
{
    m_url = verificationUriComplete.isValid() ? verificationUriComplete : verificationUri;
    m_copyText = userCode;
    m_code->setText(userCode);
    m_code->show();
    m_address->hide();
    m_text->setText(tr("Enter this code at %1. Enter it only on that page of your server: "
                       "nobody else should ever ask you for it.")
                            .arg(verificationUri.toString()));
    const bool complete = verificationUriComplete.isValid() && !verificationUriComplete.isEmpty();
    if (complete) {
        const QString href = verificationUriComplete.toString(QUrl::FullyEncoded);
        m_link->setText(tr("Or open %1 — the code is filled in there.")
                                .arg(QStringLiteral("<a href=\"%1\">%2</a>")
                                             .arg(href.toHtmlEscaped(),
                                                  verificationUriComplete.toDisplayString()
                                                          .toHtmlEscaped())));
    }
    // The QR code opens the page with the code filled in; without such a link, the page itself
    // (a phone still saves typing the address; the code is typed there).
    const QUrl scan = complete ? verificationUriComplete : verificationUri;
    const QImage qr =
            scan.isValid() && !scan.isEmpty() ? QrCode::render(scan.toEncoded()) : QImage();
    m_qr->setToolTip(complete ? tr("Scan with a phone to open the sign-in page with the code "
                                   "filled in")
                              : tr("Scan with a phone to open the sign-in page, then enter the "
                                   "code"));
    m_qr->setPixmap(QPixmap::fromImage(qr));
    m_qr->setVisible(!qr.isNull());
    if (qr.isNull())
        m_qr->clear();
    m_link->setVisible(complete);
    m_expiresAtMs = expiresAtMs;
    m_timeLeft->setVisible(expiresAtMs > 0);
    if (expiresAtMs > 0) {
        showTimeLeft();
        m_countdown->start();
    }
    m_copy->setText(tr("Cop&y code"));
    setVisible(true); // the dialog grows with it (its layout sets the minimum size)
    Q_EMIT waitingOnPerson(SignInMethod::Device);
}

void SignInMethodPanel::showTimeLeft()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_expiresAtMs <= now) {
        m_countdown->stop();
        m_timeLeft->setText(tr("The code has expired."));
        return;
    }
    const QString until = QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_expiresAtMs).time(),
                                             QLocale::ShortFormat);
    m_timeLeft->setText(tr("The code is valid until %1 (%2 left).")
                                .arg(until, TimeFormat::duration(m_expiresAtMs - now)));
}

QImage SignInMethodPanel::qrCode() const
{
    return m_qr->isHidden() ? QImage() : m_qr->pixmap().toImage();
}

void SignInMethodPanel::clear()
{
    m_countdown->stop();
    m_expiresAtMs = 0;
    m_qr->clear();
    m_link->clear();
    m_timeLeft->clear();
    m_url = QUrl();
    m_copyText.clear();
    m_code->clear();
    m_text->clear();
    m_address->clear();
    setVisible(false);
}

QString SignInMethodPanel::shownText() const
{
    return isHidden() ? QString()
                      : m_code->text() + QLatin1Char('\n') + m_text->text() + QLatin1Char('\n')
                    + (m_address->isHidden() ? QString() : m_address->text())
                    + (m_link->isHidden() ? QString() : QLatin1Char('\n') + m_link->text())
                    + (m_timeLeft->isHidden() ? QString() : QLatin1Char('\n') + m_timeLeft->text());
}
