#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class AccountListModel;
class TrayController;
class QWidget;

// Test builds only (TOKENKEEPER_FAULT_POINTS; tests/bench/bench_scale drives it): with
// TOKENKEEPER_BENCH_TICKS=N in the environment the app prints "tk-bench shown" at the main
// window's first paint, "tk-bench rss_start_kb=..." half a second later, then runs N ticks (each
// one the window's and the tray's countdown tick plus one account's "changed"), lets the
// coalesced updates settle, prints "tk-bench ticks_ms=..." and "tk-bench rss_ticks_kb=..." and
// exits.
class BenchDriver : public QObject
{
    Q_OBJECT
public:
    static void installIfRequested(QWidget *window, AccountListModel *model, TrayController *tray);
    static qint64 rssKb(); // VmRSS of this process (Linux), -1 if unknown

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    BenchDriver(QWidget *window, AccountListModel *model, TrayController *tray, int ticks);
    void tick();
    static void say(const QByteArray &line);

    QPointer<QWidget> m_window;
    AccountListModel *m_model;
    TrayController *m_tray;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    int m_ticks;
    int m_done = 0;
    bool m_shown = false;
};
