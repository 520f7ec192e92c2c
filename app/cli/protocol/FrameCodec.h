#pragma once

#include "WireMessage.h"

#include <cstddef>
#include <cstdint>
#include <string>

// Frames on the agent socket: an 8-byte header ('T' 'K', protocol version, flags = 0, big-endian
// u32 payload length) and a WireMessage payload of at most kMaxPayload bytes. The reader checks
// the header before buffering the payload, so a 2 GiB length prefix costs nothing.
//
// The frame layout is version 1; what a conversation may contain grows by revisions inside it,
// each one asked for by a request field, so old clients and old agents keep working together:
//   revision 1: one request frame, one reply frame, then the agent closes the connection.
//   revision 2: a request with `progress=1` (today only `login` with `mode=here`) may get frames
//               with `status=progress` before its one final reply (`status=ok` or `error`), on
//               the same connection. A progress frame names a `stage` and says how long the
//               client should expect to wait from now (`wait_s`). An agent of revision 1 ignores
//               the field and answers with one frame; a client that did not ask never sees one.
//               The client closing the connection before the final reply withdraws the request
//               (a `login` then cancels the sign-in it started).
// `status` answers `protocol` (the frame version) and `revision`.
namespace tkwire {

constexpr std::uint8_t kProtocolVersion = 1;
constexpr int kProtocolRevision = 2;
constexpr std::size_t kHeaderSize = 8;
constexpr std::size_t kMaxPayload = 64 * 1024;

std::string encodeFrame(const WireMessage &message, std::uint8_t version = kProtocolVersion);

class FrameReader
{
public:
    enum class Status {
        NeedMore, // no complete frame yet
        Frame, // a frame was taken out
        BadMagic, // not our protocol
        UnsupportedVersion, // a version this side does not speak (version())
        TooLarge, // the length prefix exceeds kMaxPayload
        BadPayload, // the payload is not a well-formed WireMessage
    };

    explicit FrameReader(std::size_t maxPayload = kMaxPayload) : m_maxPayload(maxPayload) { }

    void feed(const char *data, std::size_t size);
    // Takes the next frame out of the buffer. Errors are sticky: the stream cannot be resynced.
    Status next(WireMessage *out);
    // The version byte of the last header seen (meaningful after UnsupportedVersion).
    std::uint8_t version() const { return m_version; }
    // Bytes received but not yet part of a complete frame (non-zero at EOF = truncated frame).
    std::size_t pending() const { return m_buffer.size(); }
    void wipe();

private:
    std::string m_buffer;
    std::size_t m_maxPayload;
    std::uint8_t m_version = 0;
    Status m_error = Status::NeedMore;
};

const char *frameStatusName(FrameReader::Status status);

} // namespace tkwire
