#pragma once

#include "KeychainBackend.h"

// KeychainBackend on QtKeychain 0.13: one auto-deleting job per call, insecure fallback off
// (S-16), no parent, so a job that never finishes is never deleted under QtKeychain (M-47).
class QtKeychainBackend final : public KeychainBackend
{
public:
    explicit QtKeychainBackend(const QString &service);
    void start(Operation op, const QString &key, const QByteArray &data, Done done) override;
    QString name() const override;

private:
    QString m_service;
};
