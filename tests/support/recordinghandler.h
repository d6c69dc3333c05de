#pragma once

#include "http/httprequesthandler.h"

#include <QList>

namespace cb::test {

// A webhook receiver for tests: keeps every request and answers `status` (200 unless told otherwise).
class RecordingHandler final : public HttpRequestHandler
{
public:
    QCoro::Task<HttpResponse> handle(HttpRequest request) override;

    QList<HttpRequest> requests;
    int status = 200;
};

} // namespace cb::test
