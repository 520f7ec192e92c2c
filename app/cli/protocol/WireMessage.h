#pragma once

#include <string>
#include <utility>
#include <vector>

// One request or reply on the agent socket: an ordered list of (key, value) byte strings.
// Plain C++17 (no Qt): the agent and the small `tokenctl` client compile the same file.
namespace tkwire {

class WireMessage
{
public:
    WireMessage() = default;
    explicit WireMessage(const std::string &op) { set("op", op); }

    // Replaces an existing value or appends the key.
    void set(const std::string &key, const std::string &value);
    bool has(const std::string &key) const;
    // The value, or `fallback` when the key is absent.
    std::string get(const std::string &key, const std::string &fallback = std::string()) const;
    const std::vector<std::pair<std::string, std::string>> &fields() const { return m_fields; }

    // Payload encoding: per field a big-endian u16 key length, the key, a big-endian u32 value
    // length, the value. Binary-safe (passwords and tokens are opaque bytes).
    std::string encode() const;
    // False for a truncated field, trailing bytes, an empty or duplicate key.
    static bool decode(const std::string &payload, WireMessage *out);

    // Overwrites every value in memory (a request may carry a password).
    void wipe();

private:
    std::vector<std::pair<std::string, std::string>> m_fields;
};

} // namespace tkwire
