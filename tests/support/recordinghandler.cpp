#include "recordinghandler.h"

namespace cb::test {

QCoro::Task<HttpResponse> RecordingHandler::handle(HttpRequest request)
{
    requests.append(request);
    co_return HttpResponse::empty(status);
}

} // namespace cb::test
