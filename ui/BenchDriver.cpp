#include "BenchDriver.h"

#include "AccountListModel.h"
#include "AccountSession.h"
#include "TrayController.h"

#include <cstdio>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QWidget>

void BenchDriver::installIfRequested(QWidget *window, AccountListModel *model, TrayController *tray)
{
    bool ok = false;
    const int ticks = qEnvironmentVariableIntValue("TOKENKEEPER_BENCH_TICKS", &ok);
    if (ok && ticks >= 0)
        new BenchDriver(window, model, tray, ticks); // parented to the window
}

BenchDriver::BenchDriver(QWidget *window, AccountListModel *model, TrayController *tray, int ticks)
    : QObject(window), m_window(window), m_model(model), m_tray(tray), m_ticks(ticks)
{
    window->installEventFilter(this);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &BenchDriver::tick);
}

qint64 BenchDriver::rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

void BenchDriver::say(const QByteArray &line)
{
    std::fprintf(stdout, "tk-bench %s\n", line.constData());
    std::fflush(stdout);
}

bool BenchDriver::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_shown && watched == m_window && event->type() == QEvent::Paint) {
        m_shown = true;
        say("shown");
        QTimer::singleShot(500, this, [this] {
            say("rss_start_kb=" + QByteArray::number(rssKb()));
            m_elapsed.start();
            m_timer.start();
        });
    }
    return QObject::eventFilter(watched, event);
}

void BenchDriver::tick()
{
    if (m_done >= m_ticks) {
        m_timer.stop();
        say("ticks_ms=" + QByteArray::number(m_elapsed.elapsed()));
        // Let the last coalesced updates and deferred deletes run before measuring.
        QTimer::singleShot(500, this, [] {
            say("rss_ticks_kb=" + QByteArray::number(rssKb()));
            QCoreApplication::exit(0);
        });
        return;
    }
    ++m_done;
    m_model->refreshTimes();
    m_tray->update();
    const QList<AccountSession *> sessions = m_model->sessions();
    if (!sessions.isEmpty()) // what a state change makes the UI do: re-read one account
        Q_EMIT sessions.at(m_done % sessions.size())->changed();
}
