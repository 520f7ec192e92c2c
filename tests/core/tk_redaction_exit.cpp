// Security audit L10: a message logged during static destruction, after main() returned, must
// still be redacted. The global below is constructed before the redaction patterns and so is
// destroyed after them; its destructor logs a bearer token. CTest fails on the raw token.
#include "Redaction.h"

#include <QCoreApplication>
#include <QDebug>

namespace {
struct LogsAtExit
{
    ~LogsAtExit() { qWarning("late: Authorization: Bearer tkexitcanary0123456789"); }
} s_logsAtExit;
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Redaction::installMessageHandler();
    qWarning("early: Authorization: Bearer tkexitcanary0123456789");
    return 0;
}
