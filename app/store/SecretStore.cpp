#include "SecretStore.h"

#include "StoreSequence.h"

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

void SecretStore::read(const QString &key, const QObject *context, Callback callback)
{
    read(key, StoreCall::guarded(context, std::move(callback)));
}

void SecretStore::write(const QString &key, const QByteArray &data, const QObject *context,
                        Callback callback)
{
    write(key, data, StoreCall::guarded(context, std::move(callback)));
}

void SecretStore::remove(const QString &key, const QObject *context, Callback callback)
{
    remove(key, StoreCall::guarded(context, std::move(callback)));
}
