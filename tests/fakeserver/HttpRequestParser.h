#pragma once

#include "FakeAuthServer.h"

#include <QByteArray>

// Incremental parser for one HTTP/1.1 request (request line, headers, Content-Length body).
// Bounded: oversized heads or bodies are an error, not an allocation.
class HttpRequestParser
{
public:
    enum class State { NeedMore, Done, Error };

    State feed(const QByteArray &data);
    State state() const { return m_state; }
    const FakeRequest &request() const { return m_request; }
    int errorStatus() const { return m_errorStatus; } // 400, 413, 501 ...

    static constexpr int MaxHeadBytes = 64 * 1024;
    static constexpr qint64 MaxBodyBytes = 4 * 1024 * 1024;

private:
    State fail(int status);
    bool parseHead(const QByteArray &head);

    QByteArray m_buffer;
    FakeRequest m_request;
    qint64 m_contentLength = -1; // -1: head not parsed yet
    State m_state = State::NeedMore;
    int m_errorStatus = 0;
};
