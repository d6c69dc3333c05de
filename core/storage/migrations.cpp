#include "migrations.h"

#include "common/clock.h"
#include "common/logging.h"
#include "storage/database.h"

#include <QStringList>

namespace cb {

namespace {

struct Step
{
    int version;
    QStringList statements;
    QStringList postgresOnly = {}; // run after `statements` on PostgreSQL only
    QStringList sqliteOnly = {};   // run after `statements` on SQLite only
};

// Step 1: the data model of DESIGN.md §2.
QStringList schemaV1()
{
    return {
        QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE workspaces (id @ID@, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)"),
        QStringLiteral("INSERT INTO workspaces (id, name, created_at) VALUES (1, 'default', '@NOW@')"),
        QStringLiteral("CREATE TABLE integrations ("
                       " id TEXT PRIMARY KEY,"
                       " workspace_id BIGINT NOT NULL REFERENCES workspaces(id),"
                       " provider TEXT NOT NULL,"
                       " domain TEXT NOT NULL,"
                       " agent_id BIGINT, agent_name TEXT, agent_email TEXT,"
                       " settings TEXT NOT NULL DEFAULT '{}',"
                       " webhook_secret_hash TEXT,"
                       " previous_secret_hash TEXT,"
                       " previous_secret_expires_at TEXT,"
                       " state TEXT NOT NULL DEFAULT 'active',"
                       " watermark TEXT,"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE credentials ("
                       " integration_id TEXT PRIMARY KEY REFERENCES integrations(id) ON DELETE CASCADE,"
                       " backend TEXT NOT NULL,"
                       " nonce TEXT, ciphertext TEXT,"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE customers ("
                       " id @ID@,"
                       " workspace_id BIGINT NOT NULL REFERENCES workspaces(id),"
                       " name TEXT, email TEXT, domain TEXT, phone TEXT, phone_digits TEXT,"
                       " external_id TEXT,"
                       " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX customers_external_uq ON customers (workspace_id, external_id)"),
        QStringLiteral("CREATE INDEX customers_email_ix ON customers (workspace_id, email)"),
        QStringLiteral("CREATE INDEX customers_domain_ix ON customers (workspace_id, domain)"),
        QStringLiteral("CREATE INDEX customers_phone_ix ON customers (workspace_id, phone_digits)"),
        QStringLiteral("CREATE TABLE cases ("
                       " id @ID@,"
                       " workspace_id BIGINT NOT NULL REFERENCES workspaces(id),"
                       " integration_id TEXT REFERENCES integrations(id),"
                       " subject TEXT NOT NULL DEFAULT '',"
                       " description TEXT NOT NULL DEFAULT '',"
                       " status TEXT NOT NULL DEFAULT 'open',"
                       " priority TEXT NOT NULL DEFAULT 'low',"
                       " assignee_id BIGINT, group_id BIGINT,"
                       " customer_id BIGINT REFERENCES customers(id),"
                       " external_provider TEXT, external_ticket_id BIGINT, external_updated_at TEXT,"
                       " remote_state TEXT NOT NULL DEFAULT '{}',"
                       " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX cases_external_link_uq ON cases "
                       "(workspace_id, external_provider, external_ticket_id)"),
        QStringLiteral("CREATE INDEX cases_updated_ix ON cases (updated_at)"),
        QStringLiteral("CREATE INDEX cases_customer_ix ON cases (customer_id)"),
        QStringLiteral("CREATE TABLE comments ("
                       " id @ID@,"
                       " case_id BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
                       " external_id BIGINT, author TEXT, body TEXT NOT NULL,"
                       " private INTEGER NOT NULL DEFAULT 0,"
                       " source TEXT NOT NULL, created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX comments_external_uq ON comments (case_id, external_id)"),
        QStringLiteral("CREATE TABLE webhook_inbox ("
                       " id @ID@,"
                       " integration_id TEXT NOT NULL,"
                       " event_key TEXT NOT NULL,"
                       " received_at TEXT NOT NULL,"
                       " remote_addr TEXT, content_type TEXT,"
                       " body @BLOB@ NOT NULL,"
                       " state TEXT NOT NULL DEFAULT 'pending',"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " last_error TEXT, processed_at TEXT)"),
        QStringLiteral("CREATE UNIQUE INDEX webhook_inbox_key_uq ON webhook_inbox (integration_id, event_key)"),
        QStringLiteral("CREATE INDEX webhook_inbox_state_ix ON webhook_inbox (state, id)"),
        QStringLiteral("CREATE TABLE outbox ("
                       " id @ID@,"
                       " case_id BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
                       " integration_id TEXT NOT NULL,"
                       " op TEXT NOT NULL, payload TEXT NOT NULL,"
                       " state TEXT NOT NULL DEFAULT 'pending',"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " next_attempt_at TEXT NOT NULL, last_error TEXT,"
                       " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX outbox_due_ix ON outbox (state, next_attempt_at)"),
        QStringLiteral("CREATE INDEX outbox_case_ix ON outbox (case_id, state)"),
        QStringLiteral("CREATE TABLE ticket_sync_log ("
                       " id @ID@,"
                       " at TEXT NOT NULL,"
                       " integration_id TEXT, case_id BIGINT, ticket_id BIGINT,"
                       " direction TEXT NOT NULL, source TEXT, event TEXT NOT NULL,"
                       " changes TEXT NOT NULL DEFAULT '{}',"
                       " result TEXT NOT NULL, latency_ms BIGINT, error TEXT)"),
        QStringLiteral("CREATE INDEX sync_log_ticket_ix ON ticket_sync_log (ticket_id, id)"),
        QStringLiteral("CREATE INDEX sync_log_case_ix ON ticket_sync_log (case_id, id)"),
        QStringLiteral("CREATE INDEX sync_log_integration_ix ON ticket_sync_log (integration_id, id)"),
        QStringLiteral("CREATE INDEX sync_log_result_ix ON ticket_sync_log (result, id)"),
        QStringLiteral("CREATE TABLE sync_lease ("
                       " integration_id TEXT PRIMARY KEY,"
                       " holder TEXT NOT NULL,"
                       " heartbeat_at TEXT NOT NULL)"),
    };
}

// Step 2: on PostgreSQL, every committed write to a table a viewer shows sends NOTIFY casebridge_changes with the
// table's name as payload (delivered at commit, folded to one per table and transaction); ChangeNotifier listens.
// SQLite has no NOTIFY: ChangeNotifier polls PRAGMA data_version there.
QStringList notifyTriggersV2()
{
    QStringList sql = {
        QStringLiteral("CREATE OR REPLACE FUNCTION casebridge_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
                       "BEGIN PERFORM pg_notify('casebridge_changes', TG_TABLE_NAME); RETURN NULL; END $$")};
    const QStringList tables = {QStringLiteral("ticket_sync_log"), QStringLiteral("cases"),
                                QStringLiteral("comments"),        QStringLiteral("outbox"),
                                QStringLiteral("webhook_inbox"),   QStringLiteral("integrations")};
    for (const QString &t : tables) {
        sql << QStringLiteral("CREATE TRIGGER %1_notify AFTER INSERT OR UPDATE OR DELETE ON %1 "
                              "FOR EACH ROW EXECUTE FUNCTION casebridge_notify_change()")
                   .arg(t);
    }
    return sql;
}

// Step 3: every phone number of a customer (phone, mobile…), as E.164 digits, for caller lookups (screen pop).
QStringList callerPhonesV3()
{
    return {
        QStringLiteral("CREATE TABLE customer_phones ("
                       " customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " workspace_id BIGINT NOT NULL,"
                       " e164 TEXT NOT NULL,"
                       " raw TEXT,"
                       " PRIMARY KEY (customer_id, e164))"),
        QStringLiteral("CREATE INDEX customer_phones_e164_ix ON customer_phones (workspace_id, e164)"),
        QStringLiteral("CREATE INDEX cases_customer_status_ix ON cases (customer_id, status)"),
    };
}

// Step 4: webhook identity and retention. A body-hash key (no event id, no updated_at: what Freshdesk usually
// sends) is looked up by equality on body_hash among the integration's pending events (an index, never a scan);
// `coalesced` counts the identical bodies folded into a pending event, so the processor can tell that one arrived
// while it was fetching; the index also counts an integration's pending events. Processed inbox rows and sync-log
// rows are pruned by age through their own indexes.
QStringList inboxIdentityV4()
{
    return {
        QStringLiteral("ALTER TABLE webhook_inbox ADD COLUMN body_hash TEXT"),
        QStringLiteral("ALTER TABLE webhook_inbox ADD COLUMN coalesced INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("UPDATE webhook_inbox SET body_hash = substr(event_key, 6, 64) "
                       "WHERE event_key LIKE 'body:%' AND event_key NOT LIKE '%:failed'"),
        QStringLiteral("CREATE INDEX webhook_inbox_body_ix ON webhook_inbox (integration_id, state, body_hash)"),
        QStringLiteral("CREATE INDEX webhook_inbox_processed_ix ON webhook_inbox (state, processed_at)"),
        QStringLiteral("CREATE INDEX sync_log_at_ix ON ticket_sync_log (at)"),
    };
}

// Step 5: a case belongs to a helpdesk account, not only to a provider (cases.external_account, the account's
// normalised domain, filled from each case's integration), so two accounts of one provider never share a case and
// a reconnected account finds its cases. And the account's directory: the names of its agents, groups and
// companies, so people read names where the helpdesk gives ids. And screen_pops, so every console pops a caller.
QStringList caseAccountsV5()
{
    return {
        QStringLiteral("ALTER TABLE cases ADD COLUMN external_account TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("UPDATE cases SET external_account = COALESCE((SELECT i.domain FROM integrations i "
                       "WHERE i.id = cases.integration_id), '')"),
        QStringLiteral("DROP INDEX cases_external_link_uq"),
        QStringLiteral("CREATE UNIQUE INDEX cases_external_link_uq ON cases "
                       "(workspace_id, external_provider, external_account, external_ticket_id)"),
        QStringLiteral("CREATE TABLE helpdesk_directory ("
                       " provider TEXT NOT NULL,"
                       " account TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " external_id BIGINT NOT NULL,"
                       " name TEXT NOT NULL,"
                       " email TEXT,"
                       " refreshed_at TEXT NOT NULL,"
                       " PRIMARY KEY (provider, account, kind, external_id))"),
        // A caller popped once per call, whichever process of the team received the contact event.
        QStringLiteral("CREATE TABLE screen_pops ("
                       " id @ID@,"
                       " integration_id TEXT NOT NULL,"
                       " call_id TEXT NOT NULL,"
                       " match TEXT NOT NULL,"
                       " at TEXT NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX screen_pops_call_uq ON screen_pops (integration_id, call_id)"),
    };
}

QStringList directoryNotifyV5()
{
    return {QStringLiteral("CREATE TRIGGER helpdesk_directory_notify AFTER INSERT OR UPDATE OR DELETE ON "
                           "helpdesk_directory FOR EACH ROW EXECUTE FUNCTION casebridge_notify_change()"),
            QStringLiteral("CREATE TRIGGER screen_pops_notify AFTER INSERT ON screen_pops FOR EACH ROW EXECUTE "
                           "FUNCTION casebridge_notify_change()")};
}

// Step 6: the Cases view sorts and filters 100,000 cases by a page at a time (CaseListQuery): an index for each
// sort key on the case's own columns, ending in id (the tie-breaker), so a page is read in order instead of
// sorting the whole table; and the helpdesk and status filters with the default sort (updated). The expressions are
// CaseListQuery's own, letter for letter (SQLite and PostgreSQL match an expression index only so). Sorting by
// requester or assignee reads names from other tables and still sorts; a search (LIKE '%…%') still scans.
const QString kStatusRank = QStringLiteral("CASE status WHEN 'open' THEN 0 WHEN 'pending' THEN 1 WHEN 'resolved' "
                                           "THEN 2 WHEN 'closed' THEN 3 ELSE 4 END");
const QString kPriorityRank = QStringLiteral("CASE priority WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' "
                                             "THEN 2 WHEN 'urgent' THEN 3 ELSE 4 END");

QStringList caseListIndexes(bool postgres)
{
    const QString channel = postgres ? QStringLiteral("COALESCE(remote_state::jsonb ->> 'channel', '')")
                                     : QStringLiteral("COALESCE(json_extract(remote_state, '$.channel'), '')");
    return {
        QStringLiteral("CREATE INDEX cases_subject_sort_ix ON cases (LOWER(subject), id)"),
        QStringLiteral("CREATE INDEX cases_status_sort_ix ON cases ((%1), id)").arg(kStatusRank),
        QStringLiteral("CREATE INDEX cases_priority_sort_ix ON cases ((%1), id)").arg(kPriorityRank),
        QStringLiteral("CREATE INDEX cases_ticket_sort_ix ON cases ((COALESCE(external_ticket_id, 0)), id)"),
        QStringLiteral("CREATE INDEX cases_updated_sort_ix ON cases (updated_at, id)"),
        QStringLiteral("CREATE INDEX cases_channel_sort_ix ON cases ((%1), id)").arg(channel),
        QStringLiteral("CREATE INDEX cases_integration_updated_ix ON cases (integration_id, updated_at, id)"),
        QStringLiteral("CREATE INDEX cases_status_updated_ix ON cases (status, updated_at, id)"),
    };
}

// Step 7: the body-hash lookup (what an id-less webhook, the kind Freshdesk sends, is keyed by) and the count of an
// integration's pending events read only pending rows, so their index holds only those: partial, it stays small and
// hot however long the retention (a million processed rows add nothing to it), and an event leaving `pending`
// leaves it. Every other event no longer writes an entry (webhook ingest: fewer pages per group commit).
QStringList pendingBodyIndexV7()
{
    return {
        QStringLiteral("DROP INDEX webhook_inbox_body_ix"),
        QStringLiteral("CREATE INDEX webhook_inbox_pending_body_ix ON webhook_inbox (integration_id, body_hash) "
                       "WHERE state = 'pending'"),
    };
}

QList<Step> steps()
{
    return {{1, schemaV1()},
            {2, {}, notifyTriggersV2()},
            {3, callerPhonesV3()},
            {4, inboxIdentityV4()},
            {5, caseAccountsV5(), directoryNotifyV5()},
            // (updated_at, id) serves everything (updated_at) did.
            {6, {QStringLiteral("DROP INDEX cases_updated_ix")}, caseListIndexes(true), caseListIndexes(false)},
            {7, pendingBodyIndexV7()}};
}

QString dialect(QString sql, bool postgres)
{
    sql.replace(QLatin1String("@ID@"), postgres ? QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                                                : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    sql.replace(QLatin1String("@BLOB@"), postgres ? QLatin1String("BYTEA") : QLatin1String("BLOB"));
    sql.replace(QLatin1String("@NOW@"), toStoreTime(Clock::system().nowUtc()));
    return sql;
}

} // namespace

int Migrations::currentVersion()
{
    return steps().constLast().version;
}

Status Migrations::apply(Database &db, int fromVersion)
{
    for (const Step &step : steps()) {
        if (step.version <= fromVersion)
            continue;
        WriteTransaction tx(db);
        if (!tx.started())
            return tx.started().error();
        const QStringList statements = step.statements + (db.isPostgres() ? step.postgresOnly : step.sqliteOnly);
        for (const QString &statement : statements) {
            auto r = db.exec(dialect(statement, db.isPostgres()));
            if (!r) {
                Error e = r.error();
                e.message = QStringLiteral("Upgrading the store to schema %1 failed; the store was left as it was.")
                                .arg(step.version);
                return e;
            }
        }
        auto r = db.exec(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"),
                         {step.version, toStoreTime(Clock::system().nowUtc())});
        if (!r)
            return r.error();
        if (auto c = tx.commit(); !c)
            return c.error();
        qCInfo(lcStorage) << "store migrated to schema" << step.version;
    }
    return Ok{};
}

} // namespace cb
