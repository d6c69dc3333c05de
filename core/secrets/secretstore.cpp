#include "secretstore.h"

namespace cb {

SecretStore::~SecretStore() = default;

QCoro::Task<Status> SecretStore::checkWritable()
{
    co_return Ok{};
}

} // namespace cb
