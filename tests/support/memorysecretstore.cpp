#include "memorysecretstore.h"

namespace cb::test {

QCoro::Task<Result<QByteArray>> MemorySecretStore::read(QString integrationId)
{
    if (!values.contains(integrationId))
        co_return Error::make(Error::Kind::NotFound, QStringLiteral("No key is stored for this integration."));
    co_return values.value(integrationId);
}

QCoro::Task<Status> MemorySecretStore::write(QString integrationId, QByteArray secret)
{
    if (failWrites)
        co_return Error::make(Error::Kind::Unavailable, QStringLiteral("The keychain is locked; unlock it and retry."));
    values.insert(integrationId, secret);
    co_return Ok{};
}

QCoro::Task<Status> MemorySecretStore::remove(QString integrationId)
{
    values.remove(integrationId);
    co_return Ok{};
}

} // namespace cb::test
