#include "common/clock.h"
#include "pgtestdatabase.h"
#include "storage/casedetailquery.h"
#include "storage/caselistquery.h"
#include "storage/casestore.h"
#include "storage/commentstore.h"
#include "storage/customerstore.h"
#include "storage/integrationstore.h"
#include "storage/namedirectory.h"
#include "tempstore.h"

#include <QtTest>

using namespace cb;
using namespace cb::test;

// The console's typed reads of cases: the list searched, filtered and sorted by every column in SQL (on SQLite and
// on PostgreSQL), and one case's detail and conversation with the names of its helpdesk account.
class TestCaseListQuery : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        Integration acme;
        Integration other;
        QHash<qint64, qint64> caseOfTicket;
    };

    static qint64 customer(Database &db, const QString &name, const QString &email, const QString &domain)
    {
        Customer c;
        c.name = name;
        c.email = email;
        c.domain = domain;
        c.externalId = QStringLiteral("freshdesk:") + email;
        auto id = CustomerStore(db, Clock::system()).insert(c);
        return id ? *id : 0;
    }

    // Five tickets of acme and one of another account; names for acme's agents and one company.
    static Fixture fill(Database &db)
    {
        Fixture f;
        for (Integration *i : {&f.acme, &f.other}) {
            i->id = IntegrationStore::newId();
            i->domain = i == &f.acme ? QStringLiteral("acme.freshdesk.com") : QStringLiteral("other.freshdesk.com");
            if (!IntegrationStore(db, Clock::system()).insert(*i))
                qWarning("integration not stored");
        }
        NameDirectory names(db, Clock::system());
        if (!names.replace(QStringLiteral("freshdesk"), f.acme.domain, DirectoryKind::Agent,
                           {{7, QStringLiteral("Zoe Agent"), QStringLiteral("zoe@acme.example")},
                            {8, QStringLiteral("Adam Agent"), QStringLiteral("adam@acme.example")}}) ||
            !names.replace(QStringLiteral("freshdesk"), f.acme.domain, DirectoryKind::Company,
                           {{55, QStringLiteral("Initech"), {}}}))
            qWarning("directory not stored");
        const qint64 jane = customer(db, QStringLiteral("Jane Roe"), QStringLiteral("jane@initech.example"),
                                     QStringLiteral("initech.example"));
        const qint64 bob = customer(db, QStringLiteral("Bob Stone"), QStringLiteral("bob@globex.example"),
                                    QStringLiteral("globex.example"));
        struct Row
        {
            qint64 ticket;
            const char *subject;
            const char *status;
            const char *priority;
            std::optional<qint64> assignee;
            const char *channel;
            qint64 customer;
            bool other;
            const char *flag;
        };
        const QList<Row> rows = {
            {101, "Printer on fire", "open", "urgent", 8, "phone", jane, false, nullptr},
            {102, "billing 100% wrong", "pending", "low", 7, "email", bob, false, nullptr},
            {103, "Cannot log in", "resolved", "medium", std::nullopt, "chat", jane, false, "deleted"},
            {104, "Spam offer", "closed", "high", 99, "portal", bob, false, "spam"},
            {105, "Another printer", "open", "low", 7, "email", bob, false, nullptr},
            {201, "Printer elsewhere", "open", "high", std::nullopt, "email", jane, true, nullptr},
        };
        for (const Row &r : rows) {
            Case c;
            c.integrationId = r.other ? f.other.id : f.acme.id;
            c.subject = QString::fromUtf8(r.subject);
            c.description = QStringLiteral("About %1").arg(r.ticket);
            c.status = QString::fromLatin1(r.status);
            c.priority = QString::fromLatin1(r.priority);
            c.assigneeId = r.assignee;
            c.customerId = r.customer;
            c.externalProvider = QStringLiteral("freshdesk");
            c.externalTicketId = r.ticket;
            c.remoteState = {{QStringLiteral("channel"), QString::fromLatin1(r.channel)},
                             {QStringLiteral("company_id"), r.customer == jane ? 55 : 66}};
            if (r.flag)
                c.remoteState.insert(QString::fromLatin1(r.flag), true);
            auto written = CaseStore(db, Clock::system()).upsertByExternalLink(c, ChangeSource::Import);
            if (written)
                f.caseOfTicket.insert(r.ticket, written->caseId);
        }
        return f;
    }

    static QList<qint64> tickets(const Result<QList<CaseListRow>> &rows)
    {
        QList<qint64> out;
        if (!rows) {
            qWarning() << rows.error().message << rows.error().detail;
            return out;
        }
        for (const CaseListRow &r : *rows)
            out << r.c.externalTicketId.value_or(0);
        return out;
    }

    static void exercise(Database &db)
    {
        const Fixture f = fill(db);
        QCOMPARE(f.caseOfTicket.size(), 6);
        const CaseListQuery q(db);
        using Key = CaseListQuery::SortKey;
        const auto sorted = [&q](Key key, bool descending) {
            CaseListQuery::View v;
            v.sort = key;
            v.descending = descending;
            return tickets(q.rows(v, 0, 50));
        };
        QCOMPARE(sorted(Key::Id, true), (QList<qint64>{201, 105, 104, 103, 102, 101}));
        QCOMPARE(sorted(Key::Ticket, false), (QList<qint64>{101, 102, 103, 104, 105, 201}));
        QCOMPARE(sorted(Key::Subject, false), (QList<qint64>{105, 102, 103, 201, 101, 104})); // case-blind
        // Status and priority in their working order, not alphabetically; ties by id.
        QCOMPARE(sorted(Key::Status, false), (QList<qint64>{101, 105, 201, 102, 103, 104}));
        QCOMPARE(sorted(Key::Priority, true), (QList<qint64>{101, 201, 104, 103, 105, 102}));
        // The assignee by name: unassigned, Adam (8), Zoe (7), then an agent the directory does not know (99).
        QCOMPARE(sorted(Key::Assignee, false), (QList<qint64>{103, 201, 101, 102, 105, 104}));
        QCOMPARE(sorted(Key::Channel, false), (QList<qint64>{103, 102, 105, 201, 101, 104}));
        QCOMPARE(sorted(Key::Requester, false), (QList<qint64>{102, 104, 105, 101, 103, 201}));

        // Pages never overlap, whatever the sort.
        CaseListQuery::View bySubject;
        bySubject.sort = Key::Subject;
        bySubject.descending = false;
        QCOMPARE(tickets(q.rows(bySubject, 0, 4)) + tickets(q.rows(bySubject, 4, 4)),
                 (QList<qint64>{105, 102, 103, 201, 101, 104}));

        const auto searched = [&q](const QString &text) {
            CaseListQuery::View v;
            v.search = text;
            return tickets(q.rows(v, 0, 50));
        };
        QCOMPARE(searched(QStringLiteral("PRINTER")), (QList<qint64>{201, 105, 101}));
        QCOMPARE(searched(QStringLiteral("jane roe")), (QList<qint64>{201, 103, 101}));   // requester name
        QCOMPARE(searched(QStringLiteral("bob@globex")), (QList<qint64>{105, 104, 102})); // requester e-mail
        QCOMPARE(searched(QStringLiteral("#103")), (QList<qint64>{103}));                 // ticket number
        QCOMPARE(searched(QStringLiteral("100%")), (QList<qint64>{102}));                 // % is a character
        QCOMPARE(searched(QStringLiteral("_")), QList<qint64>{});                         // so is _
        QCOMPARE(searched(QStringLiteral("' OR 1=1 --")), QList<qint64>{});               // bound, not SQL

        CaseListQuery::View filtered;
        filtered.integrationId = f.acme.id;
        filtered.status = QStringLiteral("open");
        QCOMPARE(tickets(q.rows(filtered, 0, 50)), (QList<qint64>{105, 101}));
        filtered.integrationId = f.other.id;
        QCOMPARE(tickets(q.rows(filtered, 0, 50)), (QList<qint64>{201}));
        filtered.search = QStringLiteral("printer");
        filtered.status.clear();
        filtered.integrationId = f.acme.id;
        QCOMPARE(tickets(q.rows(filtered, 0, 50)), (QList<qint64>{105, 101}));

        // What a row carries: names, and deleted / spam from the remote state.
        auto all = q.rows({}, 0, 50);
        QVERIFY(all);
        QHash<qint64, CaseListRow> byTicket;
        for (const CaseListRow &r : *all)
            byTicket.insert(*r.c.externalTicketId, r);
        QCOMPARE(byTicket.value(101).assigneeName, QStringLiteral("Adam Agent"));
        QCOMPARE(byTicket.value(104).assigneeName, QString()); // 99: not in the directory
        QCOMPARE(byTicket.value(101).requesterName, QStringLiteral("Jane Roe"));
        QCOMPARE(byTicket.value(102).requesterEmail, QStringLiteral("bob@globex.example"));
        QVERIFY(byTicket.value(103).c.remoteState.value(QStringLiteral("deleted")).toBool());
        QVERIFY(byTicket.value(104).c.remoteState.value(QStringLiteral("spam")).toBool());
        QVERIFY(!byTicket.value(101).c.remoteState.contains(QStringLiteral("spam")));
        QVERIFY(!byTicket.value(101).c.remoteState.contains(QStringLiteral("company_id"))); // only what is listed

        // One case's detail: requester, company by name (or "company 66 (unknown)"), the account's agents.
        const CaseDetailQuery details(db);
        auto d = details.detail(f.caseOfTicket.value(103));
        QVERIFY(d);
        QCOMPARE(d->requesterName, QStringLiteral("Jane Roe"));
        QCOMPARE(d->requesterEmail, QStringLiteral("jane@initech.example"));
        QCOMPARE(d->company, QStringLiteral("Initech"));
        QCOMPARE(d->channel, QStringLiteral("chat"));
        QCOMPARE(d->helpdeskDomain, QStringLiteral("acme.freshdesk.com"));
        QVERIFY(d->deleted && !d->spam);
        QCOMPARE(d->names.entries(DirectoryKind::Agent).size(), 2);
        auto d2 = details.detail(f.caseOfTicket.value(104));
        QVERIFY(d2);
        QVERIFY(d2->spam && !d2->deleted);
        QCOMPARE(d2->company, QStringLiteral("company 66 (unknown)"));
        QVERIFY(!details.detail(999999)); // no such case: an error, not an empty case

        // The conversation, oldest first, private notes marked.
        CommentStore comments(db, Clock::system());
        const qint64 caseId = f.caseOfTicket.value(101);
        Comment later{0,
                      caseId,
                      2,
                      QStringLiteral("Adam Agent"),
                      QStringLiteral("Second"),
                      true,
                      QStringLiteral("webhook"),
                      QDateTime::fromString(QStringLiteral("2026-11-02T10:00:00Z"), Qt::ISODate)};
        Comment first{0,
                      caseId,
                      1,
                      QStringLiteral("Jane Roe"),
                      QStringLiteral("First"),
                      false,
                      QStringLiteral("webhook"),
                      QDateTime::fromString(QStringLiteral("2026-11-01T10:00:00Z"), Qt::ISODate)};
        QVERIFY(comments.insert(later));
        QVERIFY(comments.insert(first));
        auto thread = details.conversation(caseId);
        QVERIFY(thread);
        QCOMPARE(thread->size(), 2);
        QCOMPARE(thread->at(0).body, QStringLiteral("First"));
        QCOMPARE(thread->at(0).author, QStringLiteral("Jane Roe"));
        QVERIFY(!thread->at(0).isPrivate);
        QVERIFY(thread->at(1).isPrivate);
        QVERIFY(details.conversation(f.caseOfTicket.value(102))->isEmpty());
    }

private Q_SLOTS:
    void onSqlite()
    {
        TempStore store;
        auto db = store.open();
        QVERIFY(db);
        exercise(*db);
        if (QTest::currentTestFailed())
            return;
        // The console reads through its read-only connection.
        auto reader = store.open(Database::Access::ReadOnly);
        QVERIFY(reader);
        CaseListQuery::View v;
        v.sort = CaseListQuery::SortKey::Channel;
        QCOMPARE(CaseListQuery(*reader).rows(v, 0, 10)->size(), 6);
    }

    void onPostgres()
    {
        PgTestDatabase pg;
        if (!pg.available())
            QSKIP(PgTestDatabase::skipReason());
        QVERIFY(pg.create());
        auto location = DatabaseLocation::parse(pg.url());
        QVERIFY(location);
        auto db = Database::open(*location);
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        exercise(**db);
    }
};

QTEST_GUILESS_MAIN(TestCaseListQuery)
#include "tst_caselistquery.moc"
