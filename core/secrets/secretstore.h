#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QCoroTask>
#include <QString>

namespace cb {

// Where API keys live: the OS keychain, or AES-256-GCM at rest under ENCRYPTION_KEY for headless use.
class SecretStore
{
public:
    virtual ~SecretStore();
    virtual QCoro::Task<Result<QByteArray>> read(QString integrationId) = 0;
    virtual QCoro::Task<Status> write(QString integrationId, QByteArray secret) = 0;
    virtual QCoro::Task<Status> remove(QString integrationId) = 0;
    virtual QString backendName() const = 0;
    // Whether a key for a real helpdesk can be kept here now, asked before one is given (the wizard asks when it
    // opens); the error says what to do. This one can always keep it.
    virtual QCoro::Task<Status> checkWritable();
};

} // namespace cb
