#pragma once

#include "http/httpmessage.h"

#include <QCoroTask>

namespace cb {

// What an HTTP server serves: controllers return values, never touch sockets, and are tested without them.
class HttpRequestHandler
{
public:
    virtual ~HttpRequestHandler();
    virtual QCoro::Task<HttpResponse> handle(HttpRequest request) = 0;
};

} // namespace cb
