// Fuzz target: Retry-After and HTTP-date (reliability.md §7.1 item 4). The delay is either
// -1 or within [0, 1 h]; a parsed date is a real instant.
#include "HttpDate.h"
#include "RetryAfter.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray value =
            QByteArray::fromRawData(reinterpret_cast<const char *>(data), int(size));
    const qint64 delay = parseRetryAfter(value, 1767225600000LL);
    if (delay < -1 || delay > RetryAfter::kMaxMs)
        std::abort();
    const qint64 at = HttpDate::parse(value);
    if (at < -1)
        std::abort();
    return 0;
}
