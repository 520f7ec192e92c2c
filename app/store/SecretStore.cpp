#include "SecretStore.h"

SecretStore::~SecretStore() = default;

QString SecretStore::statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::NotFound:
        return QStringLiteral("not_found");
    case Status::Locked:
        return QStringLiteral("locked");
    case Status::Denied:
        return QStringLiteral("denied");
    case Status::Unavailable:
        return QStringLiteral("unavailable");
    case Status::TimedOut:
        return QStringLiteral("timed_out");
    case Status::TooLarge:
        return QStringLiteral("too_large");
    case Status::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("unknown");
}
