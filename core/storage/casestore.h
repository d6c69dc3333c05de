#pragma once

#include "common/result.h"
#include "domain/case.h"
#include "domain/changesource.h"

#include <QList>

namespace cb {

class Clock;
class Database;

// What a write to a case did.
struct CaseWriteOutcome
{
    qint64 caseId = 0;
    bool created = false;
    QStringList changedFields; // empty when nothing differed
    qint64 logId = 0;
    qint64 outboxId = 0; // set when a user change was queued for the helpdesk
};

// Extra facts for the sync log row a write produces.
struct CaseWriteContext
{
    QString event; // defaults to case.updated / case.created
    std::optional<qint64> latencyMs;
    QString integrationId; // defaults to the case's integration
    bool queuePush = true; // false: a user-side change that already happened remotely (e.g. a handoff's result)
};

// The cases table. Every change goes through updateCase(), which records before→after in ticket_sync_log
// and, for source=user changes of a linked case, queues the outbound update in the same transaction.
class CaseStore
{
public:
    CaseStore(Database &db, const Clock &clock);

    // Insert or update the case linked to (workspace, provider, account, ticket id); idempotent by
    // cases_external_link_uq. The account is the case's externalAccount, or else its integration's domain.
    Result<CaseWriteOutcome> upsertByExternalLink(const Case &c, ChangeSource source, CaseWriteContext ctx = {});
    Result<CaseWriteOutcome> updateCase(qint64 caseId, const CaseChanges &changes, ChangeSource source,
                                        CaseWriteContext ctx = {});
    // Records what the helpdesk last said, without logging a change (used after every inbound apply or push).
    Status setRemoteState(qint64 caseId, const QJsonObject &remoteState, const QDateTime &externalUpdatedAt);

    Result<Case> get(qint64 caseId);
    // The case linked to one account's ticket (account: the helpdesk's normalised domain).
    Result<std::optional<Case>> findByExternal(qint64 workspaceId, const QString &provider, const QString &account,
                                               qint64 ticketId);
    // Cases of an account (provider + domain) linked to another integration move to `integrationId`, and so does
    // their outbound work that is not done yet (queued, in flight or given up). Returns how many cases moved.
    Result<int> relinkAccount(const QString &integrationId, qint64 workspaceId, const QString &provider,
                              const QString &account);
    Result<QList<Case>> list(int limit = 500, int offset = 0);
    Result<QList<Case>> linkedTo(const QString &integrationId);
    Result<qint64> count();

    static QStringList changeableFields();

private:
    Result<CaseWriteOutcome> insert(const Case &c, ChangeSource source, const CaseWriteContext &ctx);
    Result<CaseWriteOutcome> applyChanges(const Case &before, const CaseChanges &changes, ChangeSource source,
                                          const CaseWriteContext &ctx);

    Database &m_db;
    const Clock &m_clock;
};

QVariant caseFieldValue(const Case &c, const QString &field);

} // namespace cb
