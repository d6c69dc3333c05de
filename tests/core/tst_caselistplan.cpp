// The Cases view at scale (issue 15): every sort on the case's own columns, and the helpdesk and status filters,
// read a page through an index instead of sorting the whole table (SQLite's EXPLAIN QUERY PLAN shows no
// "USE TEMP B-TREE FOR ORDER BY"). Sorting by requester or by assignee reads names from other tables: those still
// sort, and the check proves it can fail on them.
#include "casefiller.h"
#include "storage/caselistquery.h"
#include "storage/database.h"
#include "tempstore.h"

#include <QtTest>

using namespace cb;
using namespace cb::test;

using SortKey = CaseListQuery::SortKey;
Q_DECLARE_METATYPE(CaseListQuery::SortKey)

class TestCaseListPlan : public QObject
{
    Q_OBJECT

    TempStore m_store;
    std::unique_ptr<Database> m_db;

    QStringList plan(const CaseListQuery::View &view, int offset = 0)
    {
        auto lines = CaseListQuery(*m_db).plan(view, offset, 200);
        if (!lines) {
            qWarning() << lines.error().message;
            return {QStringLiteral("(no plan)")};
        }
        return *lines;
    }
    static bool sortsInTemp(const QStringList &plan) { return plan.filter(QStringLiteral("TEMP B-TREE")).size() > 0; }
    static bool readsWholeTableUnordered(const QStringList &plan)
    {
        // "SCAN cases" alone is a scan in rowid (id) order; with an index named it is read in the index's order.
        return plan.contains(QStringLiteral("SCAN cases")) && sortsInTemp(plan);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = m_store.open();
        QVERIFY(m_db);
        QVERIFY(fillCases(*m_db, 3000));
    }

    void everyOwnColumnSortReadsAnIndex_data()
    {
        QTest::addColumn<SortKey>("key");
        QTest::addColumn<bool>("descending");
        const QList<std::pair<const char *, SortKey>> keys = {
            {"id", SortKey::Id},          {"subject", SortKey::Subject},
            {"status", SortKey::Status},  {"priority", SortKey::Priority},
            {"ticket", SortKey::Ticket},  {"updated", SortKey::Updated},
            {"channel", SortKey::Channel}};
        for (const auto &[name, key] : keys) {
            QTest::addRow("%s asc", name) << key << false;
            QTest::addRow("%s desc", name) << key << true;
        }
    }

    void everyOwnColumnSortReadsAnIndex()
    {
        QFETCH(SortKey, key);
        QFETCH(bool, descending);
        CaseListQuery::View v;
        v.sort = key;
        v.descending = descending;
        for (int offset : {0, 2000}) {
            const QStringList p = plan(v, offset);
            QVERIFY2(!sortsInTemp(p), qPrintable(p.join(QStringLiteral(" | "))));
            QVERIFY2(!readsWholeTableUnordered(p), qPrintable(p.join(QStringLiteral(" | "))));
        }
        // And the page is what the plan promises: sorted, and as long as asked.
        auto rows = CaseListQuery(*m_db).rows(v, 0, 200);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 200);
    }

    void filtersByHelpdeskAndStatusSearchAnIndex_data()
    {
        QTest::addColumn<QString>("integration");
        QTest::addColumn<QString>("status");
        QTest::newRow("helpdesk") << QStringLiteral("int-b") << QString();
        QTest::newRow("status") << QString() << QStringLiteral("pending");
    }

    void filtersByHelpdeskAndStatusSearchAnIndex()
    {
        QFETCH(QString, integration);
        QFETCH(QString, status);
        CaseListQuery::View v;
        v.integrationId = integration;
        v.status = status;
        v.sort = SortKey::Updated;
        const QStringList p = plan(v);
        QVERIFY2(!sortsInTemp(p), qPrintable(p.join(QStringLiteral(" | "))));
        QVERIFY2(p.filter(QStringLiteral("SEARCH cases USING INDEX")).size() == 1,
                 qPrintable(p.join(QStringLiteral(" | "))));
        auto rows = CaseListQuery(*m_db).rows(v, 0, 50);
        QVERIFY(rows && rows->size() == 50);
        for (const CaseListRow &r : *rows) {
            if (!integration.isEmpty())
                QCOMPARE(r.c.integrationId, integration);
            if (!status.isEmpty())
                QCOMPARE(r.c.status, status);
        }
    }

    // The negative case: a sort by a joined table's name has no index on cases and does sort in a temp b-tree.
    void aSortByAJoinedNameIsSeenSorting()
    {
        CaseListQuery::View v;
        v.sort = SortKey::Requester;
        QVERIFY(sortsInTemp(plan(v)));
    }
};

QTEST_GUILESS_MAIN(TestCaseListPlan)
#include "tst_caselistplan.moc"
