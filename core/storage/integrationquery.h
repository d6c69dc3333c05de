#pragma once

#include "common/result.h"
#include "domain/directorynames.h"
#include "domain/integration.h"

namespace cb {

class Database;

// Read-only reading of one integration for the views that show or edit its settings (the settings and new-key
// dialogs, the sync log's detail): the integration as stored, and the names of its account's agents, groups and
// companies. It writes nothing; changes go through the sync thread (ConsoleSyncProxy).
class IntegrationQuery final
{
public:
    explicit IntegrationQuery(Database &db);

    Result<Integration> get(const QString &integrationId) const;
    Result<DirectoryNames> names(const QString &integrationId) const;

private:
    Database &m_db;
};

} // namespace cb
