#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>

// What the kernel says listens: /proc/net/tcp, state 0A (LISTEN). `address` is the kernel's hex
// form of an IPv4 address ("0100007F" is 127.0.0.1); empty: on any IPv4 address. The sign-in
// tests assert the loopback listener is on 127.0.0.1 only while waiting, and gone afterwards.
inline bool listening(quint16 port, const QByteArray &address = {})
{
    QFile f(QStringLiteral("/proc/net/tcp"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray needle =
            address + ':' + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> cols = line.simplified().split(' ');
        if (cols.size() > 3 && cols.at(1).endsWith(needle) && cols.at(3) == "0A"
            && (address.isEmpty() || cols.at(1) == needle))
            return true;
    }
    return false;
}
