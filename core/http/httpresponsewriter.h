#pragma once

#include "http/httpmessage.h"

#include <QByteArray>

namespace cb {

// An HttpResponse as HTTP/1.1 bytes: status line, Content-Type, Content-Length, the handler's headers (never its
// own framing headers) and the body — none for HEAD, 204 and 304.
class HttpResponseWriter
{
public:
    enum class Connection
    {
        KeepAlive,       // HTTP/1.1 default: no header
        KeepAliveHttp10, // "Connection: keep-alive" for an HTTP/1.0 client that asked for it
        Close,           // "Connection: close"; the server closes after this answer
    };
    static QByteArray write(const HttpResponse &response, bool headRequest, Connection connection);
    static QByteArray reasonPhrase(int status);
};

} // namespace cb
