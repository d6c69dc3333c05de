#pragma once

#include "secrets/secretstore.h"

#include <QHash>

namespace cb::test {

// Keys in memory, for tests of code above the SecretStore seam. `failWrites` simulates a locked keychain.
class MemorySecretStore final : public SecretStore
{
public:
    QCoro::Task<Result<QByteArray>> read(QString integrationId) override;
    QCoro::Task<Status> write(QString integrationId, QByteArray secret) override;
    QCoro::Task<Status> remove(QString integrationId) override;
    QString backendName() const override { return QStringLiteral("memory"); }

    QHash<QString, QByteArray> values;
    bool failWrites = false;
};

} // namespace cb::test
