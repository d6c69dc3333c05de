#include "common/clock.h"
#include "fakehelpdeskclient.h"
#include "helpdesk/webhookpayload.h"
#include "pgtestdatabase.h"
#include "storage/casestore.h"
#include "storage/changenotifier.h"
#include "storage/commentstore.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "storage/migrations.h"
#include "storage/namedirectory.h"
#include "storage/outbox.h"
#include "storage/screenpopstore.h"
#include "sync/directoryrefresher.h"
#include "sync/importer.h"
#include "sync/inboundprocessor.h"
#include "sync/integrationconfigurator.h"
#include "sync/syncengine.h"
#include "sync/ticketmapper.h"
#include "telephony/callerlookup.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace cb;
using namespace cb::test;

namespace {
// A thin webhook body read as the parser would (the parser has its own tests).
Result<WebhookPayload> parseThin(const InboxEvent &e)
{
    const QJsonObject o = QJsonDocument::fromJson(e.body).object();
    WebhookPayload p;
    p.ticketId = o.value(QStringLiteral("ticket_id")).toInteger();
    p.event = o.value(QStringLiteral("event")).toString();
    return p;
}
} // namespace

// Cases belong to a helpdesk account (schema step 5): the migration of a v3 store, two accounts of one provider
// apart, re-linking on reconnect; and the account's name directory behind "agent 7 (unknown)".
class TestCaseAccounts : public QObject
{
    Q_OBJECT

    static Integration integrationOf(Database &db, const QString &domain)
    {
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = domain;
        if (!IntegrationStore(db, Clock::system()).insert(i))
            return {};
        return i;
    }

    static Case linked(const QString &integrationId, qint64 ticket)
    {
        Case c;
        c.integrationId = integrationId;
        c.subject = QStringLiteral("ticket %1").arg(ticket);
        c.externalProvider = QStringLiteral("freshdesk");
        c.externalTicketId = ticket;
        return c;
    }

private Q_SLOTS:
    // A store written by the previous release (schema 3): cases keyed on (workspace, provider, ticket id).
    void migratesAVersionThreeStore()
    {
        TempStore store;
        {
            auto db = store.open();
            QVERIFY(db);
            // Back to schema 3 exactly as that release wrote it.
            for (const char *sql :
                 {// step 7 undone: the inbox's body index over every row again
                  "DROP INDEX webhook_inbox_pending_body_ix",
                  "CREATE INDEX webhook_inbox_body_ix ON webhook_inbox (integration_id, state, body_hash)",
                  // step 6 undone: the Cases sort indexes out, the old updated_at index back
                  "DROP INDEX cases_subject_sort_ix", "DROP INDEX cases_status_sort_ix",
                  "DROP INDEX cases_priority_sort_ix", "DROP INDEX cases_ticket_sort_ix",
                  "DROP INDEX cases_updated_sort_ix", "DROP INDEX cases_channel_sort_ix",
                  "DROP INDEX cases_integration_updated_ix", "DROP INDEX cases_status_updated_ix",
                  "CREATE INDEX cases_updated_ix ON cases (updated_at)",
                  // steps 5 and 4 undone
                  "DROP TABLE helpdesk_directory", "DROP TABLE screen_pops", "DROP INDEX cases_external_link_uq",
                  "ALTER TABLE cases DROP COLUMN external_account",
                  "CREATE UNIQUE INDEX cases_external_link_uq ON cases "
                  "(workspace_id, external_provider, external_ticket_id)",
                  // and step 4 (the inbox's body hash and the retention indexes)
                  "DROP INDEX webhook_inbox_body_ix", "DROP INDEX webhook_inbox_processed_ix",
                  "DROP INDEX sync_log_at_ix", "ALTER TABLE webhook_inbox DROP COLUMN body_hash",
                  "ALTER TABLE webhook_inbox DROP COLUMN coalesced", "DELETE FROM schema_version WHERE version > 3"})
                QVERIFY2(db->exec(QString::fromLatin1(sql)), sql);
            QVERIFY(db->exec(QStringLiteral(
                "INSERT INTO integrations (id, workspace_id, provider, domain, created_at, updated_at) VALUES "
                "('old', 1, 'freshdesk', 'acme.freshdesk.com', 'x', 'x')")));
            QVERIFY(db->exec(QStringLiteral(
                "INSERT INTO cases (workspace_id, integration_id, subject, external_provider, external_ticket_id, "
                "created_at, updated_at) VALUES (1, 'old', 'VPN down', 'freshdesk', 7, 'x', 'x'), "
                "(1, NULL, 'local only', NULL, NULL, 'x', 'x')")));
        }
        auto db = store.open();
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), Migrations::currentVersion());
        QCOMPARE(
            db->scalar(QStringLiteral("SELECT external_account FROM cases WHERE subject = 'VPN down'"))->toString(),
            QStringLiteral("acme.freshdesk.com"));
        QCOMPARE(
            db->scalar(QStringLiteral("SELECT external_account FROM cases WHERE subject = 'local only'"))->toString(),
            QString());
        auto idx = db->scalar(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'cases_external_link_uq'"));
        QVERIFY(idx->toString().contains(
            QLatin1String("workspace_id, external_provider, external_account, external_ticket_id")));
        auto found = CaseStore(*db, Clock::system())
                         .findByExternal(1, QStringLiteral("freshdesk"), QStringLiteral("acme.freshdesk.com"), 7);
        QVERIFY(found && found->has_value());
        QCOMPARE((*found)->subject, QStringLiteral("VPN down"));
        QVERIFY(db->handle().tables().contains(QStringLiteral("helpdesk_directory")));
        QVERIFY(db->handle().tables().contains(QStringLiteral("screen_pops")));
    }

    void twoAccountsOfOneProviderNeverShareACase()
    {
        TempStore store;
        auto db = store.open();
        QVERIFY(db);
        const Integration acme = integrationOf(*db, QStringLiteral("acme.freshdesk.com"));
        const Integration globex = integrationOf(*db, QStringLiteral("globex.freshdesk.com"));
        CaseStore cases(*db, Clock::system());
        auto a = cases.upsertByExternalLink(linked(acme.id, 42), ChangeSource::Import);
        auto b = cases.upsertByExternalLink(linked(globex.id, 42), ChangeSource::Import);
        QVERIFY(a && b);
        QVERIFY(a->created && b->created);
        QVERIFY(a->caseId != b->caseId);
        QCOMPARE(cases.get(a->caseId)->integrationId, acme.id);
        QCOMPARE(cases.get(b->caseId)->integrationId, globex.id);
        QCOMPARE(cases.get(b->caseId)->externalAccount, QStringLiteral("globex.freshdesk.com"));
        auto again = cases.upsertByExternalLink(linked(acme.id, 42), ChangeSource::Reconciler);
        QVERIFY(again && !again->created);
        QCOMPARE(again->caseId, a->caseId);
    }

    void reconnectingTheAccountRelinksItsCasesAndQueuedWork()
    {
        TempStore store;
        auto db = store.open();
        QVERIFY(db);
        const Integration old = integrationOf(*db, QStringLiteral("acme.freshdesk.com"));
        const Integration other = integrationOf(*db, QStringLiteral("globex.freshdesk.com"));
        CaseStore cases(*db, Clock::system());
        const qint64 mine = cases.upsertByExternalLink(linked(old.id, 1), ChangeSource::Import)->caseId;
        const qint64 theirs = cases.upsertByExternalLink(linked(other.id, 1), ChangeSource::Import)->caseId;
        auto edit =
            cases.updateCase(mine, {{QLatin1String(CaseField::Status), QStringLiteral("pending")}}, ChangeSource::User);
        QVERIFY(edit && edit->outboxId > 0);
        const Integration fresh = integrationOf(*db, QStringLiteral("acme.freshdesk.com"));
        auto moved =
            cases.relinkAccount(fresh.id, 1, QStringLiteral("freshdesk"), QStringLiteral("acme.freshdesk.com"));
        QVERIFY(moved);
        QCOMPARE(*moved, 1);
        QCOMPARE(cases.get(mine)->integrationId, fresh.id);
        QCOMPARE(cases.get(theirs)->integrationId, other.id); // the other account is untouched
        QCOMPARE(Outbox(*db, Clock::system()).get(edit->outboxId)->integrationId, fresh.id);
        QCOMPARE(*cases.relinkAccount(fresh.id, 1, QStringLiteral("freshdesk"), QStringLiteral("acme.freshdesk.com")),
                 0); // idempotent
    }

    void directoryNamesAndUnknownIds()
    {
        TempStore store;
        auto db = store.open();
        QVERIFY(db);
        const Integration acme = integrationOf(*db, QStringLiteral("acme.freshdesk.com"));
        FakeHelpdeskClient client(Clock::system());
        client.agentIds = {100, 200};
        client.groupIds = {10};
        auto counts = QCoro::waitFor(DirectoryRefresher(*db, Clock::system()).refresh(acme, &client));
        QVERIFY2(counts, qPrintable(counts ? QString() : counts.error().toLogString()));
        QCOMPARE(counts->agents, 2);
        QCOMPARE(counts->groups, 1);
        auto names = NameDirectory(*db, Clock::system()).forIntegration(acme.id);
        QVERIFY(names);
        QCOMPARE(names->name(DirectoryKind::Agent, 200), QStringLiteral("Agent 200"));
        QCOMPARE(names->name(DirectoryKind::Agent, 7), QStringLiteral("agent 7 (unknown)"));
        QCOMPARE(names->name(DirectoryKind::Group, 10), QStringLiteral("Group 10"));
        QCOMPARE(names->name(DirectoryKind::Company, 3), QStringLiteral("company 3 (unknown)"));
        QCOMPARE(names->name(DirectoryKind::Agent, std::optional<qint64>()), QString());
        QCOMPARE(names->find(DirectoryKind::Agent, 100)->email, QStringLiteral("agent100@example.com"));
        // Another account of the provider does not see these names.
        const Integration globex = integrationOf(*db, QStringLiteral("globex.freshdesk.com"));
        QVERIFY(NameDirectory(*db, Clock::system()).forIntegration(globex.id)->isEmpty());

        // A refresh replaces: an agent who left is gone; a failed listing changes nothing.
        client.agentIds = {100};
        QVERIFY(QCoro::waitFor(DirectoryRefresher(*db, Clock::system()).refresh(acme, &client)));
        QCOMPARE(NameDirectory(*db, Clock::system()).forIntegration(acme.id)->name(DirectoryKind::Agent, 200),
                 QStringLiteral("agent 200 (unknown)"));
        client.failNext(QStringLiteral("GET /agents"), Error::make(Error::Kind::Unavailable, QStringLiteral("down")));
        client.groupIds = {};
        QVERIFY(!QCoro::waitFor(DirectoryRefresher(*db, Clock::system()).refresh(acme, &client)));
        QCOMPARE(NameDirectory(*db, Clock::system()).forIntegration(acme.id)->name(DirectoryKind::Group, 10),
                 QStringLiteral("Group 10"));
    }

    // Conversations arrive with their authors' names: agents from the directory, the customer's side as the case's
    // requester, anyone else as "user N (unknown)". The screen pop names the assignee the same way.
    void conversationsAndScreenPopsCarryNames()
    {
        TempStore store;
        auto db = store.open();
        QVERIFY(db);
        Integration acme = integrationOf(*db, QStringLiteral("acme.freshdesk.com"));
        FakeHelpdeskClient client(Clock::system());
        QVERIFY(QCoro::waitFor(DirectoryRefresher(*db, Clock::system()).refresh(acme, &client)));
        Ticket &t = client.addTicket(5);
        t.responderId = 200;
        t.requesterPhone = QStringLiteral("+1 555 010 0005");
        TicketMapper mapper;
        QVERIFY(QCoro::waitFor(
            Importer(*db, Clock::system(), mapper).run(acme, &client, ImportRequest{{5}, {}, {}, {}, false})));
        const auto conversation = [](qint64 id, std::optional<qint64> user, bool incoming) {
            Conversation c;
            c.id = id;
            c.ticketId = 5;
            c.bodyText = QStringLiteral("entry %1").arg(id);
            c.userId = user;
            c.incoming = incoming;
            return c;
        };
        client.conversations[5] = {conversation(1, 200, false), conversation(2, 5005, true),
                                   conversation(3, 4242, false)};
        InboxEvent e;
        e.integrationId = acme.id;
        e.eventKey = QStringLiteral("note-1");
        e.body = R"({"ticket_id":5,"event":"note_added"})";
        QVERIFY(Inbox(*db, Clock::system()).insert(e));
        InboundProcessor processor(
            *db, Clock::system(), mapper, [&](const QString &) { return &client; }, &parseThin);
        QCoro::waitFor(processor.processPending());
        auto linked = CaseStore(*db, Clock::system())
                          .findByExternal(1, QStringLiteral("freshdesk"), QStringLiteral("acme.freshdesk.com"), 5);
        QVERIFY(linked && linked->has_value());
        auto comments = CommentStore(*db, Clock::system()).forCase((*linked)->id);
        QVERIFY(comments);
        QStringList authors;
        for (const Comment &c : std::as_const(*comments))
            authors << c.author;
        authors.sort();
        QCOMPARE(authors, (QStringList{QStringLiteral("Agent 200"), QStringLiteral("Customer 5"),
                                       QStringLiteral("user 4242 (unknown)")}));

        auto match = CallerLookup(*db).lookup(1, QStringLiteral("+15550100005"), QStringLiteral("1"));
        QVERIFY(match);
        QCOMPARE(match->tickets.size(), 1);
        QCOMPARE(match->tickets.first()[QStringLiteral("assignee")].toString(), QStringLiteral("Agent 200"));
        QVERIFY(CaseStore(*db, Clock::system())
                    .updateCase((*linked)->id, {{QLatin1String(CaseField::AssigneeId), qint64(7)}},
                                ChangeSource::Reconciler));
        match = CallerLookup(*db).lookup(1, QStringLiteral("+15550100005"), QStringLiteral("1"));
        QCOMPARE(match->tickets.first()[QStringLiteral("assignee")].toString(), QStringLiteral("agent 7 (unknown)"));
    }

    // The engine reads the account's names with its first reconcile cycle, then not again within the hour.
    void theEngineRefreshesNamesWithTheReconciler()
    {
        TempStore store;
        auto db = store.open();
        QVERIFY(db);
        const Integration acme = integrationOf(*db, QStringLiteral("acme.freshdesk.com"));
        FakeHelpdeskClient *fake = nullptr;
        SyncEngine engine(
            *db, Clock::system(),
            [&fake](Integration) -> QCoro::Task<Result<std::unique_ptr<HelpdeskClient>>> {
                auto made = std::make_unique<FakeHelpdeskClient>(Clock::system());
                fake = made.get();
                co_return std::unique_ptr<HelpdeskClient>(std::move(made));
            },
            &parseThin, QStringLiteral("test"));
        engine.setReconcileOnStart(false);
        QCoro::waitFor(engine.tick());
        QVERIFY(fake);
        QVERIFY(NameDirectory(*db, Clock::system()).forIntegration(acme.id)->isEmpty());
        QVERIFY(QCoro::waitFor(engine.reconcileNow(acme.id)));
        QCOMPARE(NameDirectory(*db, Clock::system()).forIntegration(acme.id)->name(DirectoryKind::Agent, 100),
                 QStringLiteral("Agent 100"));
        QCOMPARE(fake->callCount(QStringLiteral("GET /agents")), 1);
        QVERIFY(QCoro::waitFor(engine.reconcileNow(acme.id)));
        QCOMPARE(fake->callCount(QStringLiteral("GET /agents")), 1); // not again within the hour
    }

    // The same on PostgreSQL (team mode): accounts apart, names, a pop recorded once and announced by NOTIFY.
    void teamModeOnPostgres()
    {
        PgTestDatabase pg;
        if (!pg.available())
            QSKIP(PgTestDatabase::skipReason());
        QVERIFY(pg.create());
        auto location = DatabaseLocation::parse(pg.url());
        QVERIFY(location);
        auto opened = Database::open(*location);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().toLogString()));
        Database &db = **opened;
        const Integration acme = integrationOf(db, QStringLiteral("acme.freshdesk.com"));
        const Integration globex = integrationOf(db, QStringLiteral("globex.freshdesk.com"));
        CaseStore cases(db, Clock::system());
        auto a = cases.upsertByExternalLink(linked(acme.id, 42), ChangeSource::Import);
        auto b = cases.upsertByExternalLink(linked(globex.id, 42), ChangeSource::Import);
        QVERIFY(a && b && a->caseId != b->caseId);
        const Integration again = integrationOf(db, QStringLiteral("acme.freshdesk.com"));
        QCOMPARE(*cases.relinkAccount(again.id, 1, QStringLiteral("freshdesk"), QStringLiteral("acme.freshdesk.com")),
                 1);
        FakeHelpdeskClient client(Clock::system());
        QVERIFY(QCoro::waitFor(DirectoryRefresher(db, Clock::system()).refresh(again, &client)));
        QCOMPARE(NameDirectory(db, Clock::system()).forIntegration(acme.id)->name(DirectoryKind::Group, 20),
                 QStringLiteral("Group 20"));

        ChangeNotifier notifier(*location);
        QVERIFY(notifier.start());
        QSignalSpy changed(&notifier, &ChangeNotifier::changed);
        ScreenPopStore pops(db, Clock::system());
        QCOMPARE(*pops.record(again.id, QStringLiteral("call-1"), {{QStringLiteral("matched"), 1}}), true);
        QCOMPARE(*pops.record(again.id, QStringLiteral("call-1"), {{QStringLiteral("matched"), 1}}), false);
        QTRY_VERIFY_WITH_TIMEOUT(changed.contains(QVariantList{QStringLiteral("screen_pops")}), 5000);
        auto seen = pops.after(0);
        QVERIFY(seen);
        QCOMPARE(seen->size(), 1);
        QCOMPARE(seen->first().callId, QStringLiteral("call-1"));
    }

    void settingsAreCheckedAgainstTheDirectory()
    {
        TempStore store;
        auto db = store.open();
        QVERIFY(db);
        const Integration acme = integrationOf(*db, QStringLiteral("acme.freshdesk.com"));
        FakeHelpdeskClient client(Clock::system());
        QVERIFY(QCoro::waitFor(DirectoryRefresher(*db, Clock::system()).refresh(acme, &client)));
        IntegrationConfigurator configurator(*db, Clock::system());
        IntegrationSettings s = *configurator.current(acme.id);
        QCOMPARE(s.comments, IntegrationSettings::CommentMode::Off);
        QVERIFY(IntegrationSettings::parseHandoff(QStringLiteral("agent:555"), s));
        auto refused = configurator.save(acme.id, s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Usage);
        QVERIFY(refused.error().message.contains(QLatin1String("no agent 555")));
        QVERIFY(IntegrationSettings::parseHandoff(QStringLiteral("group:20"), s));
        QVERIFY(IntegrationSettings::parseIntake(QStringLiteral("group:10"), s));
        s.comments = IntegrationSettings::CommentMode::Private;
        QVERIFY(configurator.save(acme.id, s));
        const IntegrationSettings saved = *configurator.current(acme.id);
        QCOMPARE(saved.handoff, IntegrationSettings::HandoffMode::AssignGroup);
        QCOMPARE(saved.handoffTargetId, std::optional<qint64>(20));
        QCOMPARE(saved.intake, IntegrationSettings::Intake::Group);
        QCOMPARE(saved.defaultGroupId, std::optional<qint64>(10));
        QCOMPARE(saved.comments, IntegrationSettings::CommentMode::Private);
        // A store whose comments were chosen before keeps its choice; only a missing one reads as off.
        QCOMPARE(IntegrationSettings::fromJson({{QStringLiteral("comments"), QStringLiteral("public")}}).comments,
                 IntegrationSettings::CommentMode::Public);
    }
};

QTEST_GUILESS_MAIN(TestCaseAccounts)
#include "tst_caseaccounts.moc"
