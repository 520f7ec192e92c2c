#include "JsonWriter.h"

#include <cstdio>

namespace tkcli {

std::string JsonWriter::quote(const std::string &s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    return out + "\"";
}

void JsonWriter::separate(const char *key)
{
    if (!m_first)
        m_out += ",";
    m_first = false;
    if (key)
        m_out += quote(key) + ":";
}

JsonWriter &JsonWriter::beginObject(const char *key)
{
    separate(key);
    m_out += "{";
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out += "}";
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::beginArray(const char *key)
{
    separate(key);
    m_out += "[";
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out += "]";
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::string(const char *key, const std::string &value)
{
    separate(key);
    m_out += quote(value);
    return *this;
}

JsonWriter &JsonWriter::number(const char *key, long long value)
{
    separate(key);
    m_out += std::to_string(value);
    return *this;
}

JsonWriter &JsonWriter::boolean(const char *key, bool value)
{
    separate(key);
    m_out += value ? "true" : "false";
    return *this;
}

} // namespace tkcli
