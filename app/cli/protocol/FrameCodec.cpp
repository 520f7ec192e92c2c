#include "FrameCodec.h"

namespace tkwire {

std::string encodeFrame(const WireMessage &message, std::uint8_t version)
{
    const std::string payload = message.encode();
    std::string out;
    out.reserve(kHeaderSize + payload.size());
    out.push_back('T');
    out.push_back('K');
    out.push_back(char(version));
    out.push_back(char(0));
    const std::size_t n = payload.size();
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(char((n >> shift) & 0xff));
    out += payload;
    return out;
}

void FrameReader::feed(const char *data, std::size_t size)
{
    if (m_error != Status::NeedMore)
        return; // a broken stream is not buffered any further
    m_buffer.append(data, size);
}

FrameReader::Status FrameReader::next(WireMessage *out)
{
    if (m_error != Status::NeedMore)
        return m_error;
    // Judge the header as soon as its bytes arrive, before waiting for the payload.
    if (m_buffer.size() >= 2 && (m_buffer[0] != 'T' || m_buffer[1] != 'K'))
        return m_error = Status::BadMagic;
    if (m_buffer.size() >= 3) {
        m_version = std::uint8_t(m_buffer[2]);
        if (m_version != kProtocolVersion)
            return m_error = Status::UnsupportedVersion;
    }
    if (m_buffer.size() < kHeaderSize)
        return Status::NeedMore;
    const auto *p = reinterpret_cast<const unsigned char *>(m_buffer.data());
    const std::size_t length = (std::size_t(p[4]) << 24) | (std::size_t(p[5]) << 16)
            | (std::size_t(p[6]) << 8) | std::size_t(p[7]);
    if (length > m_maxPayload)
        return m_error = Status::TooLarge;
    if (m_buffer.size() - kHeaderSize < length)
        return Status::NeedMore;
    WireMessage message;
    const bool ok = WireMessage::decode(m_buffer.substr(kHeaderSize, length), &message);
    m_buffer.erase(0, kHeaderSize + length);
    if (!ok)
        return m_error = Status::BadPayload;
    *out = std::move(message);
    return Status::Frame;
}

void FrameReader::wipe()
{
    for (char &c : m_buffer)
        c = 0;
    m_buffer.clear();
}

const char *frameStatusName(FrameReader::Status status)
{
    switch (status) {
    case FrameReader::Status::NeedMore:
        return "need_more";
    case FrameReader::Status::Frame:
        return "frame";
    case FrameReader::Status::BadMagic:
        return "bad_magic";
    case FrameReader::Status::UnsupportedVersion:
        return "unsupported_version";
    case FrameReader::Status::TooLarge:
        return "frame_too_large";
    case FrameReader::Status::BadPayload:
        return "bad_payload";
    }
    return "unknown";
}

} // namespace tkwire
