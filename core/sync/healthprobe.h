#pragma once

#include "common/result.h"
#include "sync/integrationhealth.h"

namespace cb {

class Clock;
class Database;
class SyncEngine;

// Computes the health of every integration from the store (and the engine, when there is one).
class HealthProbe
{
public:
    HealthProbe(Database &db, const Clock &clock);
    Result<IntegrationHealthList> probe(const SyncEngine *engine) const;

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace cb
