// bench_bare_app: the baseline for bench_scale. A bare Qt widgets app (a main window with a
// table and a tray icon, no Tokenkeeper code) that speaks the same "tk-bench" lines as the real
// app under TOKENKEEPER_BENCH_TICKS: shown at the first paint, RSS after start, RSS after N ticks.
#include <cstdio>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>

static qint64 rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

static void say(const QByteArray &line)
{
    std::fprintf(stdout, "tk-bench %s\n", line.constData());
    std::fflush(stdout);
}

class BareWindow : public QMainWindow
{
public:
    explicit BareWindow(int ticks) : m_ticks(ticks)
    {
        m_model.setColumnCount(2);
        m_view.setModel(&m_model);
        setCentralWidget(&m_view);
        resize(800, 500);
        m_timer.setInterval(0);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }

protected:
    bool event(QEvent *e) override
    {
        if (e->type() == QEvent::Paint && !m_shown) {
            m_shown = true;
            say("shown");
            QTimer::singleShot(500, this, [this] {
                say("rss_start_kb=" + QByteArray::number(rssKb()));
                m_elapsed.start();
                m_timer.start();
            });
        }
        return QMainWindow::event(e);
    }

private:
    void tick()
    {
        if (m_done++ >= m_ticks) {
            m_timer.stop();
            say("ticks_ms=" + QByteArray::number(m_elapsed.elapsed()));
            QTimer::singleShot(500, this, [] {
                say("rss_ticks_kb=" + QByteArray::number(rssKb()));
                QCoreApplication::exit(0);
            });
            return;
        }
        setWindowTitle(QStringLiteral("bare %1").arg(m_done));
    }

    QStandardItemModel m_model;
    QTableView m_view;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    int m_ticks;
    int m_done = 0;
    bool m_shown = false;
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QSystemTrayIcon tray;
    tray.show();
    BareWindow window(qEnvironmentVariableIntValue("TOKENKEEPER_BENCH_TICKS"));
    window.show();
    return app.exec();
}
