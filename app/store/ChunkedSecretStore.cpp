#include "ChunkedSecretStore.h"

#include "Logging.h"

#include <QCryptographicHash>
#include <QList>
#include <QPointer>
#include <QTimer>

namespace {
const QByteArray kMagic = QByteArrayLiteral("tk-chunks/1 ");
constexpr int kMaxParts = 256; // 512 KiB at the default chunk size: far above any token blob

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

SecretStore::Result corrupt(const QString &message)
{
    SecretStore::Result r;
    r.status = SecretStore::Status::Other;
    r.message = message;
    r.corrupt = true;
    return r;
}
} // namespace

ChunkedSecretStore::ChunkedSecretStore(SecretStore *inner, int chunkSize, QObject *parent)
    : SecretStore(parent), m_inner(inner), m_chunkSize(qMax(16, chunkSize))
{ }

ChunkedSecretStore::~ChunkedSecretStore() = default;

QString ChunkedSecretStore::backendName() const
{
    return m_inner->backendName() + QStringLiteral(" (chunked)");
}

QString ChunkedSecretStore::partKey(const QString &key, int index)
{
    return key + QStringLiteral(".part") + QString::number(index);
}

QByteArray ChunkedSecretStore::encodeManifest(const Manifest &m)
{
    return kMagic + QByteArray::number(m.first) + ' ' + QByteArray::number(m.count) + ' '
            + QByteArray::number(m.size) + ' ' + m.sha256Hex;
}

bool ChunkedSecretStore::isManifest(const QByteArray &data)
{
    return data.startsWith(kMagic);
}

bool ChunkedSecretStore::decodeManifest(const QByteArray &data, Manifest *out)
{
    if (!isManifest(data) || data.size() > 256)
        return false;
    const QList<QByteArray> fields = data.mid(kMagic.size()).split(' ');
    if (fields.size() != 4)
        return false;
    bool ok1 = false, ok2 = false, ok3 = false;
    Manifest m;
    m.first = fields.at(0).toInt(&ok1);
    m.count = fields.at(1).toInt(&ok2);
    m.size = fields.at(2).toLongLong(&ok3);
    m.sha256Hex = fields.at(3);
    if (!ok1 || !ok2 || !ok3 || m.first < 0 || m.count < 1 || m.count > kMaxParts
        || m.first > 2 * kMaxParts || m.size < 0 || m.sha256Hex.size() != 64)
        return false;
    *out = m;
    return true;
}

// --- one operation at a time: parts of two writes to the same key must never interleave ------

void ChunkedSecretStore::schedule(Task task)
{
    m_tasks.push_back(std::move(task));
    if (!m_busy)
        runNext();
}

void ChunkedSecretStore::runNext()
{
    if (m_tasks.empty()) {
        m_busy = false;
        return;
    }
    m_busy = true;
    Task task = std::move(m_tasks.front());
    m_tasks.pop_front();
    QPointer<ChunkedSecretStore> self(this);
    task([self] {
        if (self)
            self->runNext();
    });
}

void ChunkedSecretStore::read(const QString &key, Callback callback)
{
    schedule([this, key, callback = std::move(callback)](Finished finished) {
        doRead(key, callback, finished);
    });
}

void ChunkedSecretStore::write(const QString &key, const QByteArray &data, Callback callback)
{
    schedule([this, key, data, callback = std::move(callback)](Finished finished) {
        doWrite(key, data, callback, finished);
    });
}

void ChunkedSecretStore::remove(const QString &key, Callback callback)
{
    schedule([this, key, callback = std::move(callback)](Finished finished) {
        doRemove(key, callback, finished);
    });
}

// --- inner calls, guarded against this store going away -------------------------------------

void ChunkedSecretStore::innerRead(const QString &key, Callback callback)
{
    m_inner->read(key, this, std::move(callback));
}

void ChunkedSecretStore::innerWrite(const QString &key, const QByteArray &data, Callback callback)
{
    m_inner->write(key, data, this, std::move(callback));
}

void ChunkedSecretStore::innerRemove(const QString &key, Callback callback)
{
    m_inner->remove(key, this, std::move(callback));
}

// --- read ------------------------------------------------------------------------------------

void ChunkedSecretStore::doRead(const QString &key, const Callback &callback,
                                const Finished &finished)
{
    innerRead(key, [this, key, callback, finished](const Result &r) {
        Manifest manifest;
        if (!r.ok() || !isManifest(r.data)) {
            callback(r);
            finished();
            return;
        }
        if (!decodeManifest(r.data, &manifest)) {
            callback(corrupt(QStringLiteral("The chunk manifest is damaged")));
            finished();
            return;
        }
        readParts(key, manifest, 0, QByteArray(), [callback, finished](const Result &whole) {
            callback(whole);
            finished();
        });
    });
}

void ChunkedSecretStore::readParts(const QString &key, const Manifest &manifest, int index,
                                   QByteArray collected, Callback done)
{
    if (index == manifest.count) {
        if (collected.size() != manifest.size || sha256Hex(collected) != manifest.sha256Hex) {
            done(corrupt(QStringLiteral("The chunked secret failed its checksum")));
            return;
        }
        Result r;
        r.data = collected;
        done(r);
        return;
    }
    innerRead(
            partKey(key, manifest.first + index),
            [this, key, manifest, index, collected, done](const Result &r) mutable {
                if (r.status == Status::NotFound) {
                    done(corrupt(
                            QStringLiteral("Part %1 of the chunked secret is missing").arg(index)));
                    return;
                }
                if (!r.ok()) {
                    done(r);
                    return;
                }
                collected += r.data;
                if (collected.size() > manifest.size) {
                    done(corrupt(QStringLiteral("The chunked secret is longer than expected")));
                    return;
                }
                readParts(key, manifest, index + 1, collected, done);
            });
}

// --- write -----------------------------------------------------------------------------------

void ChunkedSecretStore::doWrite(const QString &key, const QByteArray &data,
                                 const Callback &callback, const Finished &finished)
{
    // The current manifest says which part indices are live and must not be touched.
    innerRead(key, [this, key, data, callback, finished](const Result &current) {
        Manifest old;
        const bool hadParts = current.ok() && decodeManifest(current.data, &old);
        QList<int> oldIndices;
        for (int i = 0; hadParts && i < old.count; ++i)
            oldIndices.append(old.first + i);

        const bool needsChunks = data.size() > m_chunkSize || isManifest(data);
        if (!needsChunks) {
            innerWrite(key, data, [this, key, oldIndices, callback, finished](const Result &r) {
                if (!r.ok() || oldIndices.isEmpty()) {
                    callback(r);
                    finished();
                    return;
                }
                // Committed: the old parts are garbage now; failing to delete them is harmless.
                removeParts(key, oldIndices, Result(), [callback, finished, r](const Result &) {
                    callback(r);
                    finished();
                });
            });
            return;
        }

        QList<QByteArray> parts;
        for (qsizetype pos = 0; pos < data.size(); pos += m_chunkSize)
            parts.append(data.mid(pos, m_chunkSize));
        if (parts.size() > kMaxParts) {
            Result tooLarge;
            tooLarge.status = Status::TooLarge;
            tooLarge.message = QStringLiteral("Secret of %1 bytes needs more than %2 parts")
                                       .arg(data.size())
                                       .arg(kMaxParts);
            callback(tooLarge);
            finished();
            return;
        }
        Manifest next;
        next.count = int(parts.size());
        next.size = data.size();
        next.sha256Hex = sha256Hex(data);
        // New parts go below the live range if they fit there, else right after it.
        next.first = (!hadParts || next.count <= old.first) ? 0 : old.first + old.count;
        writeParts(key, next.first, parts, 0,
                   [this, key, next, oldIndices, callback, finished](const Result &r) {
                       if (!r.ok()) {
                           callback(r); // the old manifest still names intact old parts
                           finished();
                           return;
                       }
                       innerWrite(key, encodeManifest(next),
                                  [this, key, oldIndices, callback, finished](const Result &m) {
                                      if (!m.ok() || oldIndices.isEmpty()) {
                                          callback(m);
                                          finished();
                                          return;
                                      }
                                      removeParts(key, oldIndices, Result(),
                                                  [callback, finished, m](const Result &) {
                                                      callback(m);
                                                      finished();
                                                  });
                                  });
                   });
    });
}

void ChunkedSecretStore::writeParts(const QString &key, int first, const QList<QByteArray> &parts,
                                    int index, Callback done)
{
    if (index == parts.size()) {
        done(Result());
        return;
    }
    innerWrite(partKey(key, first + index), parts.at(index),
               [this, key, first, parts, index, done](const Result &r) {
                   if (!r.ok()) {
                       done(r);
                       return;
                   }
                   writeParts(key, first, parts, index + 1, done);
               });
}

// --- remove ----------------------------------------------------------------------------------

void ChunkedSecretStore::doRemove(const QString &key, const Callback &callback,
                                  const Finished &finished)
{
    innerRead(key, [this, key, callback, finished](const Result &current) {
        Manifest manifest;
        const bool hadParts = current.ok() && decodeManifest(current.data, &manifest);
        innerRemove(key, [this, key, hadParts, manifest, callback, finished](const Result &r) {
            if (!r.ok() && r.status != Status::NotFound) {
                callback(r); // nothing else touched: the value stays whole
                finished();
                return;
            }
            // Sweep the live range and a margin around it, so stale parts of an interrupted
            // write do not outlive the value they belonged to.
            const int end = hadParts ? 2 * (manifest.first + manifest.count) + 1 : 2;
            QList<int> indices;
            for (int i = 0; i < qMin(end, 2 * kMaxParts + 1); ++i)
                indices.append(i);
            removeParts(key, indices, Result(), [callback, finished, r](const Result &parts) {
                callback(r.ok() && !parts.ok() ? parts : r);
                finished();
            });
        });
    });
}

void ChunkedSecretStore::removeParts(const QString &key, QList<int> indices, Result firstFailure,
                                     Callback done)
{
    if (indices.isEmpty()) {
        done(firstFailure);
        return;
    }
    const int index = indices.takeFirst();
    innerRemove(partKey(key, index),
                [this, key, indices, firstFailure, done](const Result &r) mutable {
                    if (!r.ok() && r.status != Status::NotFound && firstFailure.ok())
                        firstFailure = r;
                    removeParts(key, indices, firstFailure, done);
                });
}
