#include "ClipboardGuard.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

class tst_ClipboardGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultIsThirtySeconds()
    {
        ClipboardGuard guard(QApplication::clipboard());
        QCOMPARE(guard.clearAfterMs(), 30000);
    }

    void clearsOwnTokenAfterDelay()
    {
        QClipboard *cb = QApplication::clipboard();
        ClipboardGuard guard(cb, 50);
        QSignalSpy spy(&guard, &ClipboardGuard::cleared);
        guard.copySecret(QByteArrayLiteral("CANARY-AT-1"));
        QCOMPARE(cb->text(), QStringLiteral("CANARY-AT-1"));
        QCOMPARE(cb->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
                 QByteArrayLiteral("secret"));
        QVERIFY(guard.isHolding());
        QTRY_COMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toBool(), true);
        QVERIFY(cb->text().isEmpty());
        QVERIFY(!guard.isHolding());
    }

    void leavesWhatThePersonCopiedSince()
    {
        QClipboard *cb = QApplication::clipboard();
        ClipboardGuard guard(cb, 50);
        QSignalSpy spy(&guard, &ClipboardGuard::cleared);
        guard.copySecret(QByteArrayLiteral("CANARY-AT-2"));
        cb->setText(QStringLiteral("my shopping list"));
        QTRY_COMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toBool(), false);
        QCOMPARE(cb->text(), QStringLiteral("my shopping list"));
    }

    void clearsOnDestructionIfStillOurs()
    {
        QClipboard *cb = QApplication::clipboard();
        {
            ClipboardGuard guard(cb, 60000);
            guard.copySecret(QByteArrayLiteral("CANARY-AT-3"));
            QCOMPARE(cb->text(), QStringLiteral("CANARY-AT-3"));
        }
        QVERIFY(cb->text().isEmpty());
    }

    void emptyTokenCopiesNothing()
    {
        QClipboard *cb = QApplication::clipboard();
        cb->setText(QStringLiteral("keep"));
        ClipboardGuard guard(cb, 50);
        guard.copySecret(QByteArray());
        QVERIFY(!guard.isHolding());
        QCOMPARE(cb->text(), QStringLiteral("keep"));
    }
};

QTEST_MAIN(tst_ClipboardGuard)
#include "tst_clipboardguard.moc"
