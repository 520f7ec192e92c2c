#include "FaultPoint.h"

#ifdef TOKENKEEPER_FAULT_POINTS
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <QByteArray>
#endif

namespace FaultPoint {

void hit(const char *name)
{
#ifdef TOKENKEEPER_FAULT_POINTS
    static const QByteArray wanted = qgetenv("TOKENKEEPER_FAULT_POINT");
    if (!wanted.isEmpty() && wanted == name) {
#ifdef SIGKILL
        std::raise(SIGKILL);
#endif
        std::abort();
    }
#else
    (void)name;
#endif
}

} // namespace FaultPoint
