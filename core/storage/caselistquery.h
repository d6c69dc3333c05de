#pragma once

#include "common/result.h"
#include "domain/case.h"

#include <QList>

namespace cb {

class Database;

// Read-only listing of cases for viewers (the console's cases table), newest first, with only the fields a list
// shows (id, subject, status, priority, assignee, ticket, updated, integration, and the channel from remote_state).
// No SQL leaves this class.
class CaseListQuery final
{
public:
    struct Page
    {
        qint64 beforeId = 0; // 0: from the newest case
        int limit = 200;
    };

    explicit CaseListQuery(Database &db);

    // The `limit` cases below `beforeId` (keyset), newest first.
    Result<QList<Case>> page(const Page &page) const;
    // Every case with an id of at least `minId`, newest first: what a viewer has loaded, reread after a change
    // (new cases have larger ids, so nothing it shows falls out of the window).
    Result<QList<Case>> fromId(qint64 minId) const;
    Result<qint64> count() const;

private:
    Result<QList<Case>> run(const QString &where, const QVariantList &args) const;

    Database &m_db;
};

} // namespace cb
