#pragma once

#include "common/result.h"
#include "domain/integration.h"

#include <QList>

namespace cb {

class Clock;
class Database;

// The integrations table (never an API key: those live in the SecretStore).
class IntegrationStore
{
public:
    IntegrationStore(Database &db, const Clock &clock);

    Status insert(const Integration &integration);
    Status update(const Integration &integration);
    Result<Integration> get(const QString &id);
    Result<QList<Integration>> list();
    Status setWatermark(const QString &id, const QDateTime &watermark);
    Status setState(const QString &id, const QString &state);

    static QString newId();
    // Moves whenever this process inserts an integration or changes its identity, secrets, settings or state
    // (not its watermark): a cache of integrations (the webhook receiver's) is stale once it moved.
    static quint64 generation();

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace cb
