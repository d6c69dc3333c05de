#include "common/clock.h"
#include "storage/customerstore.h"
#include "storage/database.h"
#include "tempstore.h"

#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestCustomerStore : public QObject
{
    Q_OBJECT

    TempStore m_store;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock;

private Q_SLOTS:
    void init()
    {
        m_db.reset();
        QFile::remove(m_store.path());
        m_db = m_store.open();
        QVERIFY(m_db);
    }

    void linksByEmailCaseInsensitively()
    {
        CustomerStore store(*m_db, m_clock);
        Customer jane;
        jane.name = QStringLiteral("Jane");
        jane.email = QStringLiteral("jane@acme.com");
        const qint64 id = *store.insert(jane);
        auto r =
            store.linkOrCreate({1, QStringLiteral("freshdesk"), QStringLiteral("  Jane@ACME.com "), {}, {}, {}, {}});
        QVERIFY(r);
        QCOMPARE(r->customerId, id);
        QCOMPARE(r->matchedBy, QStringLiteral("email"));
    }

    void linksByEmailDomainThenCompanyDomain()
    {
        CustomerStore store(*m_db, m_clock);
        Customer acme;
        acme.name = QStringLiteral("Acme Corp");
        acme.domain = QStringLiteral("acme.com");
        const qint64 acmeId = *store.insert(acme);
        Customer globex;
        globex.name = QStringLiteral("Globex");
        globex.domain = QStringLiteral("globex.example");
        const qint64 globexId = *store.insert(globex);

        auto byOwnDomain =
            store.linkOrCreate({1, QStringLiteral("freshdesk"), QStringLiteral("bob@acme.com"), {}, {}, {}, {}});
        QCOMPARE(byOwnDomain->customerId, acmeId);
        QCOMPARE(byOwnDomain->matchedBy, QStringLiteral("domain"));

        auto byCompany = store.linkOrCreate({1,
                                             QStringLiteral("freshdesk"),
                                             QStringLiteral("hank@gmail.com"),
                                             {},
                                             {},
                                             {QStringLiteral("Globex.example")},
                                             {}});
        QCOMPARE(byCompany->customerId, globexId);
        QCOMPARE(byCompany->matchedBy, QStringLiteral("domain"));
    }

    void createsWithLowerCaseExternalIdOnce()
    {
        CustomerStore store(*m_db, m_clock);
        auto first = store.linkOrCreate({1,
                                         QStringLiteral("freshdesk"),
                                         QStringLiteral("New.Person@Example.ORG"),
                                         QStringLiteral("New Person"),
                                         QStringLiteral("+1 (555) 010-9999"),
                                         {},
                                         {}});
        QVERIFY(first);
        QCOMPARE(first->matchedBy, QStringLiteral("created"));
        auto again = store.linkOrCreate(
            {1, QStringLiteral("freshdesk"), QStringLiteral("new.person@example.org"), {}, {}, {}, {}});
        QCOMPARE(again->customerId, first->customerId);
        auto c = store.get(first->customerId);
        QCOMPARE(c->externalId, QStringLiteral("freshdesk:new.person@example.org"));
        QCOMPARE(c->email, QStringLiteral("new.person@example.org"));
        QCOMPARE(c->phoneDigits, QStringLiteral("15550109999"));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM customers"))->toInt(), 1);
    }

    void linksByPhoneWithoutEmail()
    {
        CustomerStore store(*m_db, m_clock);
        Customer caller;
        caller.name = QStringLiteral("Caller");
        caller.phone = QStringLiteral("+49 30 1234567");
        const qint64 id = *store.insert(caller);
        auto r = store.linkOrCreate({1, QStringLiteral("freshdesk"), {}, {}, QStringLiteral("49-30-123 4567"), {}, {}});
        QCOMPARE(r->customerId, id);
        QCOMPARE(r->matchedBy, QStringLiteral("phone"));
    }

    void requesterWithoutEmailOrIdIsAnError()
    {
        CustomerStore store(*m_db, m_clock);
        auto r = store.linkOrCreate({1, QStringLiteral("freshdesk"), {}, QStringLiteral("Anon"), {}, {}, {}});
        QVERIFY(!r);
        auto byId =
            store.linkOrCreate({1, QStringLiteral("freshdesk"), {}, QStringLiteral("Anon"), {}, {}, qint64(77)});
        QVERIFY(byId);
        QCOMPARE(store.get(byId->customerId)->externalId, QStringLiteral("freshdesk:requester:77"));
    }
};

QTEST_GUILESS_MAIN(TestCustomerStore)
#include "tst_customerstore.moc"
