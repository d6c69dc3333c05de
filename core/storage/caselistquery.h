#pragma once

#include "common/result.h"
#include "domain/case.h"

#include <QList>

namespace cb {

class Database;

// One row of the cases list: the case's listed fields, with the names people read.
struct CaseListRow
{
    Case c;               // id, subject, status, priority, assignee, ticket, updated, integration; remote_state
                          // holds only channel, spam and deleted
    QString assigneeName; // from the account's directory; empty when unassigned or the directory does not know
    QString requesterName;
    QString requesterEmail;
};

// Read-only listing of cases for viewers (the console's cases table): searched, filtered and sorted in SQL, read
// in bounded pages. No SQL leaves this class.
class CaseListQuery final
{
public:
    enum class SortKey
    {
        Id,
        Subject,
        Status,
        Priority,
        Assignee, // by the agent's name
        Ticket,
        Updated,
        Channel,
        Requester, // by name, else e-mail
    };
    // What the list shows and in which order.
    struct View
    {
        QString search;        // subject, requester name or e-mail (contains), or a ticket/case number ("#42")
        QString integrationId; // empty: every helpdesk
        QString status;        // empty: every status
        SortKey sort = SortKey::Id;
        bool descending = true;

        bool operator==(const View &) const = default;
    };
    struct Page
    {
        qint64 beforeId = 0; // 0: from the newest case
        int limit = 200;
    };

    explicit CaseListQuery(Database &db);

    // `limit` rows of `view` from row `offset` on (always sorted by the key, then by id, so pages never overlap).
    Result<QList<CaseListRow>> rows(const View &view, int offset, int limit) const;
    // The `limit` cases below `beforeId` (keyset), newest first.
    Result<QList<Case>> page(const Page &page) const;
    // Every case with an id of at least `minId`, newest first.
    Result<QList<Case>> fromId(qint64 minId) const;
    Result<qint64> count() const;
    // How the store would read that page (SQLite: EXPLAIN QUERY PLAN's details; PostgreSQL: EXPLAIN's lines), for
    // tests and benchmarks that check a sort or filter uses an index.
    Result<QStringList> plan(const View &view, int offset, int limit) const;

private:
    QString rowsTail(const View &view, int offset, int limit, QVariantList &args) const;
    Result<QList<CaseListRow>> run(const QString &tail, const QVariantList &args) const;
    QString sortExpression(SortKey key) const;

    Database &m_db;
};

} // namespace cb
