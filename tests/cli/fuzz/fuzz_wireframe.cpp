// Fuzz target: the agent socket's frames and messages (reliability.md M-66 to M-68), the one
// parser that reads bytes from any local program. The first input byte is the chunk size the
// rest arrives in, as a socket splits it. Properties checked (abort on violation):
//   - errors are sticky: after one, next() keeps answering it;
//   - every frame read re-encodes to a frame that reads back to the same fields, nothing left;
//   - a payload WireMessage::decode() accepts encodes back to exactly the same bytes.
// The replay (fuzz_wireframe_replay) runs the committed corpus in every build; a clang build can
// link this file with -fsanitize=fuzzer for a campaign (README "Tests").
#include "FrameCodec.h"
#include "WireMessage.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using tkwire::FrameReader;
    using tkwire::WireMessage;
    if (size == 0)
        return 0;
    const size_t chunk = size_t(data[0]) + 1;
    const char *p = reinterpret_cast<const char *>(data + 1);
    size_t left = size - 1;
    FrameReader reader(4096); // a small cap, so that inputs reach TooLarge too
    bool failed = false;
    while (left > 0 && !failed) {
        const size_t n = std::min(chunk, left);
        reader.feed(p, n);
        p += n;
        left -= n;
        for (;;) {
            WireMessage m;
            const FrameReader::Status status = reader.next(&m);
            if (status == FrameReader::Status::NeedMore)
                break;
            if (status != FrameReader::Status::Frame) {
                WireMessage again;
                if (reader.next(&again) != status)
                    std::abort(); // errors are sticky
                failed = true;
                break;
            }
            const std::string wire = tkwire::encodeFrame(m);
            FrameReader back;
            back.feed(wire.data(), wire.size());
            WireMessage copy;
            if (back.next(&copy) != FrameReader::Status::Frame || copy.fields() != m.fields()
                || back.pending() != 0)
                std::abort(); // a frame read does not survive its own round trip
        }
    }
    const std::string raw(reinterpret_cast<const char *>(data), size);
    WireMessage direct;
    if (WireMessage::decode(raw, &direct) && direct.encode() != raw)
        std::abort(); // two encodings of one message
    return 0;
}
