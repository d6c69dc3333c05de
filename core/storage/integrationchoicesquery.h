#pragma once

#include "common/result.h"
#include "domain/integrationchoice.h"

#include <QList>

namespace cb {

class Database;

// Read-only reading of the connected helpdesks for viewers that offer them for choosing (the console's import
// dialog, sync-log and cases filters, settings). No SQL leaves this class.
class IntegrationChoicesQuery final
{
public:
    explicit IntegrationChoicesQuery(Database &db);

    // The active integrations, by domain.
    Result<QList<IntegrationChoice>> active() const;

private:
    Database &m_db;
};

} // namespace cb
