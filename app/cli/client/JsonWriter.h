#pragma once

#include <string>

// Just enough JSON for tokenctl's outputs (--json, kubectl's ExecCredential): an object of
// string, number and boolean members, nested objects and arrays, strings escaped per RFC 8259.
namespace tkcli {

class JsonWriter
{
public:
    JsonWriter &beginObject(const char *key = nullptr);
    JsonWriter &endObject();
    JsonWriter &beginArray(const char *key);
    JsonWriter &endArray();
    JsonWriter &string(const char *key, const std::string &value);
    JsonWriter &number(const char *key, long long value);
    JsonWriter &boolean(const char *key, bool value);
    const std::string &text() const { return m_out; }

    static std::string quote(const std::string &s);

private:
    void separate(const char *key);
    std::string m_out;
    bool m_first = true;
};

} // namespace tkcli
