#include "WireMessage.h"

#include <cstdint>

namespace tkwire {

void WireMessage::set(const std::string &key, const std::string &value)
{
    for (auto &field : m_fields) {
        if (field.first == key) {
            field.second = value;
            return;
        }
    }
    m_fields.emplace_back(key, value);
}

bool WireMessage::has(const std::string &key) const
{
    for (const auto &field : m_fields) {
        if (field.first == key)
            return true;
    }
    return false;
}

std::string WireMessage::get(const std::string &key, const std::string &fallback) const
{
    for (const auto &field : m_fields) {
        if (field.first == key)
            return field.second;
    }
    return fallback;
}

static void putU16(std::string *out, std::size_t v)
{
    out->push_back(char((v >> 8) & 0xff));
    out->push_back(char(v & 0xff));
}

static void putU32(std::string *out, std::size_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out->push_back(char((v >> shift) & 0xff));
}

std::string WireMessage::encode() const
{
    std::string out;
    for (const auto &field : m_fields) {
        putU16(&out, field.first.size());
        out += field.first;
        putU32(&out, field.second.size());
        out += field.second;
    }
    return out;
}

bool WireMessage::decode(const std::string &payload, WireMessage *out)
{
    WireMessage result;
    const auto *p = reinterpret_cast<const unsigned char *>(payload.data());
    const std::size_t size = payload.size();
    std::size_t pos = 0;
    while (pos < size) {
        if (size - pos < 2)
            return false;
        const std::size_t keyLength = (std::size_t(p[pos]) << 8) | p[pos + 1];
        pos += 2;
        if (keyLength == 0 || size - pos < keyLength)
            return false;
        std::string key(payload, pos, keyLength);
        pos += keyLength;
        if (size - pos < 4)
            return false;
        const std::size_t valueLength = (std::size_t(p[pos]) << 24)
                | (std::size_t(p[pos + 1]) << 16) | (std::size_t(p[pos + 2]) << 8)
                | std::size_t(p[pos + 3]);
        pos += 4;
        if (size - pos < valueLength)
            return false;
        if (result.has(key))
            return false;
        result.m_fields.emplace_back(std::move(key), std::string(payload, pos, valueLength));
        pos += valueLength;
    }
    *out = std::move(result);
    return true;
}

void WireMessage::wipe()
{
    for (auto &field : m_fields) {
        volatile char *v = &field.second[0];
        for (std::size_t i = 0; i < field.second.size(); ++i)
            v[i] = 0;
        field.second.clear();
    }
    m_fields.clear();
}

} // namespace tkwire
