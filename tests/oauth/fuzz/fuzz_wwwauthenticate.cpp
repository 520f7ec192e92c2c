// Fuzz target: WWW-Authenticate (reliability.md §7.1 item 5). Terminates, never yields a
// challenge without a scheme, and parse() agrees with parseAll().
#include "WwwAuthenticate.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray value =
            QByteArray::fromRawData(reinterpret_cast<const char *>(data), int(size));
    const QList<AuthChallenge> all = WwwAuthenticate::parseAll(value);
    for (const AuthChallenge &c : all) {
        if (c.scheme.isEmpty())
            std::abort();
    }
    const AuthChallenge first = WwwAuthenticate::parse(value);
    if (first.isValid() != !all.isEmpty())
        std::abort();
    return 0;
}
