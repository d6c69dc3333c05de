// Fills a SQLite store with 100,000 cases (or the count given) and prints how long the Cases view waits for one
// page of 200 rows for every sort, both directions, first page and a deep page, and for the helpdesk and status
// filters and a search; with the plan's verdict (index or temp sort). Prints figures; asserts nothing.
// Run: ./bin/bench_case_list [cases]

#include "casefiller.h"
#include "storage/caselistquery.h"
#include "storage/database.h"
#include "tempstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace cb;
using SortKey = CaseListQuery::SortKey;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int cases = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    QTextStream out(stdout);
    cb::test::TempStore store;
    auto db = store.open();
    if (!db || !cb::test::fillCases(*db, cases)) {
        out << "could not fill the store\n";
        return 1;
    }
    auto reader = store.open(Database::Access::ReadOnly);
    CaseListQuery query(*reader);
    auto measure = [&](const QString &label, const CaseListQuery::View &v, int offset) {
        QElapsedTimer t;
        t.start();
        auto rows = query.rows(v, offset, 200);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        const auto explained = query.plan(v, offset, 200);
        const QStringList plan = explained ? *explained : QStringList{};
        const bool temp = !plan.filter(QStringLiteral("TEMP B-TREE")).isEmpty();
        out << QStringLiteral("%1 offset %2: %3 ms, %4 rows, %5\n")
                   .arg(label, -28)
                   .arg(offset, 6)
                   .arg(ms, 8, 'f', 1)
                   .arg(rows ? rows->size() : -1)
                   .arg(temp ? QStringLiteral("temp sort") : QStringLiteral("index order"));
    };
    out << cases << " cases, pages of 200\n";
    const QList<std::pair<QString, SortKey>> keys = {{QStringLiteral("id"), SortKey::Id},
                                                     {QStringLiteral("subject"), SortKey::Subject},
                                                     {QStringLiteral("status"), SortKey::Status},
                                                     {QStringLiteral("priority"), SortKey::Priority},
                                                     {QStringLiteral("assignee"), SortKey::Assignee},
                                                     {QStringLiteral("ticket"), SortKey::Ticket},
                                                     {QStringLiteral("updated"), SortKey::Updated},
                                                     {QStringLiteral("channel"), SortKey::Channel},
                                                     {QStringLiteral("requester"), SortKey::Requester}};
    for (const auto &[name, key] : keys) {
        for (bool desc : {false, true}) {
            CaseListQuery::View v;
            v.sort = key;
            v.descending = desc;
            for (int offset : {0, cases / 2})
                measure(name + (desc ? QStringLiteral(" desc") : QStringLiteral(" asc")), v, offset);
        }
    }
    CaseListQuery::View helpdesk;
    helpdesk.integrationId = QStringLiteral("int-b");
    helpdesk.sort = SortKey::Updated;
    measure(QStringLiteral("helpdesk int-b, updated"), helpdesk, 0);
    CaseListQuery::View status;
    status.status = QStringLiteral("pending");
    status.sort = SortKey::Updated;
    measure(QStringLiteral("status pending, updated"), status, 0);
    CaseListQuery::View search;
    search.search = QStringLiteral("page 4242");
    measure(QStringLiteral("search \"page 4242\""), search, 0);
    return 0;
}
