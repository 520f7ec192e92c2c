// The agent wire protocol (app/cli/protocol): payload codec, frame reader, error codes.
#include "ErrorCodes.h"
#include "FrameCodec.h"
#include "WireMessage.h"

#include <QTest>

using tkwire::FrameReader;
using tkwire::WireMessage;
using Status = tkwire::FrameReader::Status;

Q_DECLARE_METATYPE(std::string)

static std::string bytes(const char *s, std::size_t n)
{
    return std::string(s, n);
}

static std::string header(char version, quint32 length)
{
    std::string h = "TK";
    h.push_back(version);
    h.push_back(0);
    h.push_back(char((length >> 24) & 0xff));
    h.push_back(char((length >> 16) & 0xff));
    h.push_back(char((length >> 8) & 0xff));
    h.push_back(char(length & 0xff));
    return h;
}

class TestWireProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<std::string>("key");
        QTest::addColumn<std::string>("value");
        QTest::newRow("plain") << std::string("op") << std::string("token");
        QTest::newRow("empty value") << std::string("account") << std::string();
        QTest::newRow("binary") << std::string("password") << bytes("a\0b\n\xff", 5);
        QTest::newRow("large") << std::string("token") << std::string(60000, 'x');
    }
    void roundTrip()
    {
        QFETCH(std::string, key);
        QFETCH(std::string, value);
        WireMessage m("token");
        m.set(key, value);
        m.set("min_valid", "60");
        FrameReader reader;
        const std::string frame = tkwire::encodeFrame(m);
        reader.feed(frame.data(), frame.size());
        WireMessage out;
        QCOMPARE(reader.next(&out), Status::Frame);
        QCOMPARE(out.get(key), value);
        QCOMPARE(out.get("min_valid"), std::string("60"));
        QCOMPARE(out.fields().size(), m.fields().size());
        QCOMPARE(reader.pending(), std::size_t(0));
        QCOMPARE(reader.next(&out), Status::NeedMore);
    }

    void setReplacesAndGetFallsBack()
    {
        WireMessage m("list");
        m.set("op", "status");
        QCOMPARE(m.fields().size(), std::size_t(1));
        QCOMPARE(m.get("op"), std::string("status"));
        QCOMPARE(m.get("missing", "dflt"), std::string("dflt"));
        QVERIFY(!m.has("missing"));
    }

    void byteByByteAndTwoFramesInOneRead()
    {
        WireMessage a("list");
        WireMessage b("status");
        const std::string stream = tkwire::encodeFrame(a) + tkwire::encodeFrame(b);
        FrameReader reader;
        WireMessage out;
        int frames = 0;
        for (std::size_t i = 0; i < stream.size(); ++i) {
            reader.feed(&stream[i], 1);
            const Status s = reader.next(&out);
            if (s == Status::Frame) {
                ++frames;
                QCOMPARE(out.get("op"), std::string(frames == 1 ? "list" : "status"));
            } else {
                QCOMPARE(s, Status::NeedMore);
            }
        }
        QCOMPARE(frames, 2);

        FrameReader whole;
        whole.feed(stream.data(), stream.size());
        QCOMPARE(whole.next(&out), Status::Frame);
        QCOMPARE(whole.next(&out), Status::Frame);
        QCOMPARE(out.get("op"), std::string("status"));
    }

    // M-66: a 2 GiB length prefix is refused from the header alone, nothing is buffered.
    void oversizedPrefixRefusedFromHeader_data()
    {
        QTest::addColumn<quint32>("length");
        QTest::newRow("2 GiB") << quint32(0x80000000u);
        QTest::newRow("4 GiB - 1") << quint32(0xffffffffu);
        QTest::newRow("cap + 1") << quint32(tkwire::kMaxPayload + 1);
    }
    void oversizedPrefixRefusedFromHeader()
    {
        QFETCH(quint32, length);
        FrameReader reader;
        const std::string h = header(char(tkwire::kProtocolVersion), length);
        reader.feed(h.data(), h.size());
        WireMessage out;
        QCOMPARE(reader.next(&out), Status::TooLarge);
        const std::string more(1000, 'x');
        reader.feed(more.data(), more.size()); // ignored after the error
        QCOMPARE(reader.next(&out), Status::TooLarge);
        QVERIFY(reader.pending() <= tkwire::kHeaderSize);
    }

    void exactlyTheCapIsAccepted()
    {
        // One field whose total encoding is exactly kMaxPayload bytes.
        WireMessage m;
        m.set("k", std::string(tkwire::kMaxPayload - 2 - 1 - 4, 'v'));
        const std::string frame = tkwire::encodeFrame(m);
        QCOMPARE(frame.size(), tkwire::kHeaderSize + tkwire::kMaxPayload);
        FrameReader reader;
        reader.feed(frame.data(), frame.size());
        WireMessage out;
        QCOMPARE(reader.next(&out), Status::Frame);
    }

    void unknownVersion_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("0") << 0;
        QTest::newRow("2 (newer)") << 2;
        QTest::newRow("255") << 255;
    }
    void unknownVersion()
    {
        QFETCH(int, version);
        const std::string h = header(char(version), 0);
        FrameReader reader;
        reader.feed(h.data(), 3); // the version byte alone decides
        WireMessage out;
        QCOMPARE(reader.next(&out), Status::UnsupportedVersion);
        QCOMPARE(int(reader.version()), version);
        QCOMPARE(std::string(tkwire::frameStatusName(Status::UnsupportedVersion)),
                 std::string(tkwire::code::kUnsupportedVersion));
    }

    void badMagic()
    {
        FrameReader reader;
        reader.feed("GET / HTTP/1.1\r\n", 16);
        WireMessage out;
        QCOMPARE(reader.next(&out), Status::BadMagic);
    }

    // A frame cut short: the reader keeps waiting and reports the bytes it holds, so the server
    // can tell a truncated frame from a clean end at EOF.
    void truncatedFrame()
    {
        WireMessage m("token");
        m.set("account", "work");
        const std::string frame = tkwire::encodeFrame(m);
        for (std::size_t cut : {std::size_t(1), std::size_t(7), frame.size() - 1}) {
            FrameReader reader;
            reader.feed(frame.data(), cut);
            WireMessage out;
            QCOMPARE(reader.next(&out), Status::NeedMore);
            QCOMPARE(reader.pending(), cut);
        }
    }

    // Payloads whose declared lengths lie.
    void malformedPayload_data()
    {
        QTest::addColumn<std::string>("payload");
        QTest::newRow("half a key length") << bytes("\x00", 1);
        QTest::newRow("key longer than payload") << bytes("\x00\x05op", 4);
        QTest::newRow("empty key") << bytes("\x00\x00\x00\x00\x00\x00", 6);
        QTest::newRow("missing value length") << bytes("\x00\x02op\x00\x00", 6);
        QTest::newRow("value longer than payload") << bytes("\x00\x02op\x00\x00\x00\x09tok", 11);
        QTest::newRow("huge value length") << bytes("\x00\x02op\xff\xff\xff\xff", 8);
        QTest::newRow("duplicate key") << bytes("\x00\x02op\x00\x00\x00\x01"
                                                "a\x00\x02op\x00\x00\x00\x01"
                                                "b",
                                                18);
    }
    void malformedPayload()
    {
        QFETCH(std::string, payload);
        WireMessage out;
        QVERIFY(!WireMessage::decode(payload, &out));
        FrameReader reader;
        const std::string frame =
                header(char(tkwire::kProtocolVersion), quint32(payload.size())) + payload;
        reader.feed(frame.data(), frame.size());
        QCOMPARE(reader.next(&out), Status::BadPayload);
    }

    void exitCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("exit");
        QTest::newRow("ok") << QString() << 0;
        QTest::newRow("sign in") << QString::fromLatin1(tkwire::code::kSignInRequired) << 3;
        QTest::newRow("locked") << QString::fromLatin1(tkwire::code::kKeychainLocked) << 4;
        QTest::newRow("offline") << QString::fromLatin1(tkwire::code::kOffline) << 5;
        QTest::newRow("denied") << QString::fromLatin1(tkwire::code::kDenied) << 6;
        QTest::newRow("bad request") << QString::fromLatin1(tkwire::code::kBadRequest) << 2;
        QTest::newRow("not found") << QString::fromLatin1(tkwire::code::kNotFound) << 1;
        QTest::newRow("unknown") << QStringLiteral("something_new") << 1;
    }
    void exitCodes()
    {
        QFETCH(QString, code);
        QFETCH(int, exit);
        QCOMPARE(tkwire::exitCodeFor(code.toStdString()), exit);
    }

    // A cheap fuzz pass (S-27 "IPC frame decoder"): random and mutated input never crashes,
    // never yields a frame over the cap, and whatever decodes re-encodes to the same bytes.
    void randomInputIsHandled()
    {
        quint32 seed = 20261202;
        auto next = [&seed] {
            seed = seed * 1664525u + 1013904223u;
            return seed >> 8;
        };
        WireMessage sample("token");
        sample.set("account", "work");
        sample.set("min_valid", "60");
        const std::string valid = tkwire::encodeFrame(sample);
        int frames = 0;
        for (int round = 0; round < 20000; ++round) {
            std::string bytes = valid;
            if (round % 2 == 0) { // mutate a valid frame
                for (int k = 0, n = int(next() % 4) + 1; k < n; ++k)
                    bytes[next() % bytes.size()] = char(next());
                bytes.resize(next() % (bytes.size() + 1));
            } else { // random bytes behind a plausible header
                bytes.resize(tkwire::kHeaderSize + next() % 64);
                for (char &c : bytes)
                    c = char(next());
                bytes[0] = 'T';
                bytes[1] = 'K';
                bytes[2] = char(tkwire::kProtocolVersion);
            }
            FrameReader reader;
            std::size_t at = 0;
            while (at < bytes.size()) { // in random chunks
                const std::size_t n = std::min<std::size_t>(bytes.size() - at, 1 + next() % 16);
                reader.feed(bytes.data() + at, n);
                at += n;
            }
            WireMessage out;
            const Status status = reader.next(&out);
            if (status == Status::Frame) {
                ++frames;
                WireMessage again;
                QVERIFY(WireMessage::decode(out.encode(), &again));
                QCOMPARE(again.fields(), out.fields());
                QVERIFY(out.encode().size() <= tkwire::kMaxPayload);
            }
            QVERIFY(reader.pending() <= bytes.size());
        }
        QVERIFY(frames > 0); // the mutations left some frames intact
    }

    void wipeClearsValues()
    {
        WireMessage m("login");
        m.set("password", "secret");
        m.wipe();
        QVERIFY(m.fields().empty());
    }
};

QTEST_APPLESS_MAIN(TestWireProtocol)
#include "tst_wireprotocol.moc"
