#include "SignInMethodPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

SignInMethodPanel::SignInMethodPanel(QWidget *parent)
    : QWidget(parent),
      m_chooser(new QComboBox(parent)),
      m_text(new QLabel(this)),
      m_code(new QLabel(this)),
      m_address(new QLineEdit(this)),
      m_copy(new QPushButton(tr("Cop&y"), this)),
      m_open(new QPushButton(tr("Open &browser"), this))
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
    layout->addWidget(m_code);
    layout->addWidget(m_text);
    layout->addWidget(m_address);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_open);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_copyText); });
    connect(m_open, &QPushButton::clicked, this, [this] { Q_EMIT openUrlRequested(m_url); });
    connect(m_chooser, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT methodChanged(method()); });
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
    const int index = m_chooser->findData(int(keep));
    m_chooser->setCurrentIndex(index >= 0 ? index
                                          : m_chooser->findData(int(SignInMethod::Password)));
    if (m_chooser->currentData().toInt() != int(keep))
        Q_EMIT methodChanged(method());
}

void SignInMethodPanel::setMethod(SignInMethod m)
{
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
    m_text->setText(tr("Finish signing in in your browser. If no browser opened, copy this "
                       "address into one:"));
    m_address->setText(m_copyText);
    m_address->setCursorPosition(0);
    m_address->show();
    m_copy->setText(tr("Cop&y address"));
    setVisible(true); // the dialog grows with it (its layout sets the minimum size)
}

void SignInMethodPanel::showDeviceCode(const QString &userCode, const QUrl &verificationUri,
                                       const QUrl &verificationUriComplete)
{
    m_url = verificationUriComplete.isValid() ? verificationUriComplete : verificationUri;
    m_copyText = userCode;
    m_code->setText(userCode);
    m_code->show();
    m_address->hide();
    m_text->setText(tr("Enter this code at %1. Enter it only on that page of your server: "
                       "nobody else should ever ask you for it.")
                            .arg(verificationUri.toString()));
    m_copy->setText(tr("Cop&y code"));
    setVisible(true); // the dialog grows with it (its layout sets the minimum size)
}

void SignInMethodPanel::clear()
{
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
                    + (m_address->isHidden() ? QString() : m_address->text());
}
