#include "loopbacksandbox.h"

#include <QSet>
#include <QtTest>

using namespace cb;
using namespace cb::test;

// The sandbox's search and company endpoints over loopback HTTP, as freshdesk-api.md §5.4 and §6 describe them.
class TestSandboxSearch : public QObject
{
    Q_OBJECT

    std::unique_ptr<LoopbackSandbox> m_s;

    static QString q(const QString &query, const QString &extra = {})
    {
        return QStringLiteral("/api/v2/search/tickets?query=") +
               QString::fromLatin1(QUrl::toPercentEncoding(QLatin1Char('"') + query + QLatin1Char('"'))) + extra;
    }

    QSet<qint64> ids(const ProbeReply &r)
    {
        QSet<qint64> out;
        for (const QJsonValue &v : r.object().value(QStringLiteral("results")).toArray())
            out.insert(v.toObject().value(QStringLiteral("id")).toInteger());
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_s = std::make_unique<LoopbackSandbox>();
        // 1: open/high/vip, created 2024-03-01; 2: pending/low, assigned; 3: open/urgent, spam; 4..80: open/medium
        SandboxAccount &a = m_s->account();
        const QDateTime base(QDate(2024, 3, 1), QTime(10, 0), Qt::UTC);
        for (int i = 1; i <= 80; ++i) {
            QJsonObject &t = a.createTicket(QStringLiteral("T%1").arg(i), QStringLiteral("c%1@x.example").arg(i),
                                            base.addDays(i - 1));
            t.insert(QStringLiteral("priority"), 2);
        }
        a.tickets[1].insert(QStringLiteral("priority"), 3);
        a.tickets[1].insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("vip")});
        a.tickets[1].insert(QStringLiteral("custom_fields"),
                            QJsonObject{{QStringLiteral("cf_region"), QStringLiteral("EMEA")}});
        a.tickets[2].insert(QStringLiteral("status"), 3);
        a.tickets[2].insert(QStringLiteral("priority"), 1);
        a.tickets[2].insert(QStringLiteral("responder_id"), a.agentId);
        a.tickets[2].insert(QStringLiteral("type"), QStringLiteral("Incident"));
        a.tickets[3].insert(QStringLiteral("priority"), 4);
        a.tickets[3].insert(QStringLiteral("spam"), true);
    }

    void termsAndOperators()
    {
        auto r = m_s->api().get(q(QStringLiteral("priority:3 AND status:2")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(ids(r), QSet<qint64>{1});
        QVERIFY(r.header("Link").isEmpty());
        QVERIFY(!r.object()
                     .value(QStringLiteral("results"))
                     .toArray()
                     .first()
                     .toObject()
                     .contains(QStringLiteral("description")));
        QCOMPARE(r.header("X-RateLimit-Used-CurrentRequest"), QByteArray("1"));

        QCOMPARE(ids(m_s->api().get(q(QStringLiteral("priority:3 OR status:3")))), (QSet<qint64>{1, 2}));
        QCOMPARE(ids(m_s->api().get(q(QStringLiteral("(priority:1 OR priority:3) AND status:3")))), QSet<qint64>{2});
        QCOMPARE(ids(m_s->api().get(q(QStringLiteral("priority:>3")))), QSet<qint64>{1}); // ≥ 3; 3 (urgent) is spam
        QCOMPARE(ids(m_s->api().get(q(QStringLiteral("priority:<1")))), QSet<qint64>{2});
        QCOMPARE(ids(m_s->api().get(q(QStringLiteral("tag:'vip'")))), QSet<qint64>{1});
        QCOMPARE(ids(m_s->api().get(q(QStringLiteral("type:'Incident'")))), QSet<qint64>{2});
        QCOMPARE(ids(m_s->api().get(q(QStringLiteral("agent_id:%1").arg(m_s->helpdesk().account().agentId)))),
                 QSet<qint64>{2});
        QCOMPARE(m_s->api().get(q(QStringLiteral("agent_id:null"))).object().value(QStringLiteral("total")).toInt(),
                 78);
        QCOMPARE(ids(m_s->api().get(q(QStringLiteral("cf_region:'EMEA'")))), QSet<qint64>{1});
        // dates: :> is on or after, :< on or before, in UTC days
        QCOMPARE(ids(m_s->api().get(q(QStringLiteral("created_at:<'2024-03-02'")))), (QSet<qint64>{1, 2}));
        QCOMPARE(ids(m_s->api().get(q(QStringLiteral("created_at:>'2024-05-18' AND priority:2")))),
                 (QSet<qint64>{79, 80}));
        QCOMPARE(ids(m_s->api().get(q(QStringLiteral("created_at:'2024-03-04'")))), QSet<qint64>{4});
    }

    void pagesOfThirtyUpToTen()
    {
        auto p1 = m_s->api().get(q(QStringLiteral("status:2")));
        QCOMPARE(p1.status, 200);
        QCOMPARE(p1.object().value(QStringLiteral("total")).toInt(), 78);
        QCOMPARE(p1.object().value(QStringLiteral("results")).toArray().size(), 30);
        // newest first
        QCOMPARE(p1.object().value(QStringLiteral("results")).toArray().first()[QStringLiteral("id")].toInt(), 80);
        auto p3 = m_s->api().get(q(QStringLiteral("status:2"), QStringLiteral("&page=3")));
        QCOMPARE(p3.object().value(QStringLiteral("results")).toArray().size(), 18);
        auto p10 = m_s->api().get(q(QStringLiteral("status:2"), QStringLiteral("&page=10")));
        QCOMPARE(p10.status, 200);
        QCOMPARE(p10.object().value(QStringLiteral("results")).toArray().size(), 0);
        auto p11 = m_s->api().get(q(QStringLiteral("status:2"), QStringLiteral("&page=11")));
        QCOMPARE(p11.status, 400);
        QCOMPARE(p11.object().value(QStringLiteral("description")).toString(), QStringLiteral("Validation failed"));
        const QJsonObject e = p11.object().value(QStringLiteral("errors")).toArray().first().toObject();
        QCOMPARE(e.value(QStringLiteral("field")).toString(), QStringLiteral("page"));
        QCOMPARE(e.value(QStringLiteral("message")).toString(),
                 QStringLiteral("It should be a Positive Integer less than or equal to 10"));
        QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("invalid_value"));
    }

    void badQueriesAreValidationErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("no quotes") << QStringLiteral("/api/v2/search/tickets?query=status:2") << "query"
                                   << "invalid_value";
        QTest::newRow("no space") << q(QStringLiteral("status:2AND priority:1")) << "query"
                                  << "invalid_value";
        QTest::newRow("string unquoted") << q(QStringLiteral("type:Incident")) << "query"
                                         << "invalid_value";
        QTest::newRow("bad date") << q(QStringLiteral("created_at:>'March'")) << "query"
                                  << "invalid_value";
        QTest::newRow("open paren") << q(QStringLiteral("(status:2")) << "query"
                                    << "invalid_value";
        QTest::newRow("unsupported field") << q(QStringLiteral("subject:'x'")) << "subject"
                                           << "invalid_field";
        QTest::newRow("missing") << QStringLiteral("/api/v2/search/tickets") << "query"
                                 << "missing_field";
        QTest::newRow("per_page") << q(QStringLiteral("status:2"), QStringLiteral("&per_page=100")) << "per_page"
                                  << "invalid_field";
        QTest::newRow("too long") << q(QStringLiteral("status:2") + QString(520, QLatin1Char(' '))) << "query"
                                  << "invalid_value";
    }

    void badQueriesAreValidationErrors()
    {
        QFETCH(QString, path);
        QFETCH(QString, field);
        QFETCH(QString, code);
        auto r = m_s->api().get(path);
        QCOMPARE(r.status, 400);
        const QJsonObject e = r.object().value(QStringLiteral("errors")).toArray().first().toObject();
        QCOMPARE(e.value(QStringLiteral("field")).toString(), field);
        QCOMPARE(e.value(QStringLiteral("code")).toString(), code);
        QVERIFY(!e.value(QStringLiteral("message")).toString().isEmpty());
    }

    void plusIsASpaceAndAuthIsRequired()
    {
        auto r = m_s->api().get(QStringLiteral("/api/v2/search/tickets?query=%22priority:3+AND+status:2%22"));
        QCOMPARE(r.status, 200);
        QCOMPARE(ids(r), QSet<qint64>{1});
        QCOMPARE(HttpProbe(m_s->port(), "nope").get(q(QStringLiteral("status:2"))).status, 401);
    }

    void companiesListViewAutocompleteAndSearch()
    {
        m_s->helpdesk().account().seed(0);
        auto list = m_s->api().get(QStringLiteral("/api/v2/companies?per_page=2"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.array().size(), 2);
        QVERIFY(list.header("Link").contains("page=2"));
        const QJsonObject first = list.json.array().first().toObject();
        for (const char *key : {"id", "name", "description", "note", "domains", "custom_fields", "health_score",
                                "account_tier", "renewal_date", "industry", "created_at", "updated_at"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        auto last = m_s->api().get(QStringLiteral("/api/v2/companies?per_page=2&page=3"));
        QCOMPARE(last.json.array().size(), 1);
        QVERIFY(last.header("Link").isEmpty());
        QCOMPARE(m_s->api().get(QStringLiteral("/api/v2/companies?per_page=101")).status, 400);

        const qint64 id = first.value(QStringLiteral("id")).toInteger();
        auto view = m_s->api().get(QStringLiteral("/api/v2/companies/%1").arg(id));
        QCOMPARE(view.object().value(QStringLiteral("name")), first.value(QStringLiteral("name")));
        QCOMPARE(m_s->api().get(QStringLiteral("/api/v2/companies/999")).status, 404);

        auto ac = m_s->api().get(QStringLiteral("/api/v2/companies/autocomplete?name=ACM"));
        QCOMPARE(ac.status, 200);
        const QJsonArray found = ac.object().value(QStringLiteral("companies")).toArray();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first()[QStringLiteral("name")].toString(), QStringLiteral("Acme Corp"));

        auto byDomain = m_s->api().get(
            QStringLiteral("/api/v2/search/companies?query=") +
            QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("\"domain:'company1.example'\""))));
        QCOMPARE(byDomain.status, 200);
        QCOMPARE(byDomain.object().value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(byDomain.object().value(QStringLiteral("results")).toArray().first()[QStringLiteral("id")].toInteger(),
                 qint64(5000001));
    }
};

QTEST_GUILESS_MAIN(TestSandboxSearch)
#include "tst_sandboxsearch.moc"
