#pragma once

#include "common/result.h"

#include <QCoroTask>

namespace cb {

class Clock;
class Database;
class HelpdeskClient;
struct Integration;

struct DirectoryCounts
{
    int agents = 0;
    int groups = 0;
    int companies = 0;
    int calls = 0;
};

// Copies an account's agents, groups and companies into the NameDirectory. Called by the sync engine after a
// reconcile (at most hourly) and on demand (settings, `configure`).
class DirectoryRefresher
{
public:
    DirectoryRefresher(Database &db, const Clock &clock);

    // Every list is read before anything is stored; if one fails, nothing changes and the error is returned.
    QCoro::Task<Result<DirectoryCounts>> refresh(Integration integration, HelpdeskClient *client);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace cb
