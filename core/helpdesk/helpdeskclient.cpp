#include "helpdeskclient.h"

namespace cb {

HelpdeskClient::~HelpdeskClient() = default;

QCoro::Task<Result<QString>> HelpdeskClient::personName(qint64, bool)
{
    co_return QString();
}

} // namespace cb
