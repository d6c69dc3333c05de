#pragma once

#include "http/httplimits.h"
#include "http/httpmessage.h"

#include <QByteArray>
#include <QByteArrayView>

namespace cb {

// A request head as a strict HTTP/1.1 server reads it (RFC 9112): origin-form target, CRLF line ends only, no
// folded lines, at most one Content-Length and no Transfer-Encoding (so no two readings of where a body ends).
struct HttpRequestHead
{
    QByteArray method;
    QByteArray target; // as sent: /path?query
    int minorVersion = 1;
    HttpHeaders headers;
    qint64 contentLength = 0;
    bool keepAlive = true;
    bool expectsContinue = false;
};

struct HttpHeadParse
{
    enum class State
    {
        Incomplete, // wait for more bytes
        Complete,   // `head` is set; the head took `headBytes` bytes of the buffer
        Rejected,   // answer `status` with `message` and close the connection
    };
    State state = State::Incomplete;
    qsizetype headBytes = 0;
    HttpRequestHead head;
    int status = 0;
    QByteArray message;
};

// Reads the request head at the start of a connection's buffer, within HttpLimits (431 over the head size or field
// count, 413 over the body size, 400 for anything malformed or ambiguous, 411 for a body without a length, 505 for
// another HTTP version).
class HttpRequestParser
{
public:
    static HttpHeadParse parse(QByteArrayView buffer, const HttpLimits &limits);

private:
    static HttpHeadParse parseComplete(QByteArrayView head, const HttpLimits &limits);
    static HttpHeadParse reject(int status, const QByteArray &message);
};

} // namespace cb
