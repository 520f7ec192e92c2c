#include "ClipboardGuard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QMimeData>

static QByteArray digestOf(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

ClipboardGuard::ClipboardGuard(QClipboard *clipboard, int clearAfterMs, QObject *parent)
    : QObject(parent), m_clipboard(clipboard)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(clearAfterMs);
    connect(&m_timer, &QTimer::timeout, this, &ClipboardGuard::clearIfOurs);
}

ClipboardGuard::~ClipboardGuard()
{
    if (isHolding() && clipboardHoldsOurs())
        m_clipboard->clear();
}

void ClipboardGuard::copySecret(const QByteArray &secret)
{
    if (secret.isEmpty())
        return;
    auto *mime = new QMimeData;
    mime->setText(QString::fromLatin1(secret));
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    m_clipboard->setMimeData(mime);
    m_digest = digestOf(secret);
    m_timer.start();
    Q_EMIT copied();
}

bool ClipboardGuard::clipboardHoldsOurs() const
{
    return digestOf(m_clipboard->text().toLatin1()) == m_digest;
}

void ClipboardGuard::clearIfOurs()
{
    const bool ours = isHolding() && clipboardHoldsOurs();
    if (ours)
        m_clipboard->clear();
    m_digest.clear();
    Q_EMIT cleared(ours);
}
