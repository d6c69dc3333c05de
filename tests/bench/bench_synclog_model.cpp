// Fills a SQLite store with 1,000,000 ticket_sync_log rows (one transaction, one prepared insert), then measures
// what a person waits for when opening the Sync log tab: constructing the model and showing the first screen, with
// and without a filter. Prints figures (target: first screen under 300 ms); asserts nothing.
// Run: QT_QPA_PLATFORM=offscreen ./bin/bench_synclog_model [rows]

#include "storage/database.h"
#include "synclogmodel.h"
#include "tempstore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QSqlQuery>
#include <QTableView>
#include <QTextStream>

using namespace cb;

namespace {

QString rss()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return QString::fromLatin1(line.mid(6).trimmed());
    }
    return QStringLiteral("?");
}

bool fill(Database &db, int rows)
{
    QSqlDatabase h = db.handle();
    if (!QSqlQuery(h).exec(QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    QSqlQuery q(h);
    q.prepare(QStringLiteral("INSERT INTO ticket_sync_log (at, integration_id, case_id, ticket_id, direction, source, "
                             "event, changes, result, latency_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QList<SyncDirection> directions = {SyncDirection::Inbound, SyncDirection::Outbound, SyncDirection::Import,
                                             SyncDirection::Reconcile};
    const QList<SyncResult> results = {
        SyncResult::Applied, SyncResult::Unchanged, SyncResult::Conflict, SyncResult::EchoDropped, SyncResult::Applied,
        SyncResult::Applied, SyncResult::Applied,   SyncResult::Applied,  SyncResult::Applied,     SyncResult::Failed};
    const QString changes = QStringLiteral(R"({"status":{"from":"open","to":"pending"}})");
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
    for (int i = 0; i < rows; ++i) {
        const SyncResult result = results.at(i % results.size());
        q.bindValue(0, start.addMSecs(qint64(i) * 2500).toString(Qt::ISODateWithMs));
        q.bindValue(1, i % 3 ? QStringLiteral("int-a") : QStringLiteral("int-b"));
        q.bindValue(2, i % 5000 + 1);
        q.bindValue(3, 100000 + i % 20000);
        q.bindValue(4, toString(directions.at(i % directions.size())));
        q.bindValue(5, toString(ChangeSource::Webhook));
        q.bindValue(6, QStringLiteral("ticket.update"));
        q.bindValue(7, changes);
        q.bindValue(8, toString(result));
        q.bindValue(9, i % 900);
        q.bindValue(10, result == SyncResult::Failed ? QVariant(QStringLiteral("HTTP 503 from the helpdesk"))
                                                     : QVariant(QMetaType(QMetaType::QString)));
        if (!q.exec())
            return false;
    }
    return QSqlQuery(h).exec(QStringLiteral("COMMIT"));
}

double firstScreen(Database *reader, const SyncLogFilter &filter, int *rowsShown)
{
    QElapsedTimer t;
    t.start();
    ui::SyncLogModel model(reader);
    if (!filter.isEmpty())
        model.setFilter(filter);
    QTableView view;
    view.resize(1100, 700);
    view.verticalHeader()->setDefaultSectionSize(22);
    view.setModel(&model);
    view.show();
    QCoreApplication::processEvents(); // the view asks for the first page and lays it out
    if (model.rowCount() == 0 && model.canFetchMore({}))
        model.fetchMore({});
    view.grab(); // paint the first screen
    *rowsShown = model.rowCount();
    return t.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int rows = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000000;
    QTextStream out(stdout);
    test::TempStore store;
    {
        auto writer = store.open();
        if (!writer)
            return 1;
        QElapsedTimer t;
        t.start();
        if (!fill(*writer, rows)) {
            out << "fill failed" << Qt::endl;
            return 1;
        }
        out << "filled " << rows << " rows in " << t.elapsed() << " ms (one transaction, prepared insert)" << Qt::endl;
    }
    auto reader = store.open(Database::Access::ReadOnly);
    out << "RSS before the model: " << rss() << Qt::endl;
    const struct
    {
        const char *name;
        SyncLogFilter filter;
    } cases[] = {
        {"no filter", {}},
        {"no filter (warm)", {}},
        {"result = failed", {QString(), std::nullopt, SyncResult::Failed, std::nullopt, QString()}},
        {"ticket 100042", {QString(), std::nullopt, std::nullopt, qint64(100042), QString()}},
        {"direction = outbound, integration int-b",
         {QStringLiteral("int-b"), SyncDirection::Outbound, std::nullopt, std::nullopt, QString()}},
        {"text \"HTTP 503\"", {QString(), std::nullopt, std::nullopt, std::nullopt, QStringLiteral("HTTP 503")}},
    };
    for (const auto &c : cases) {
        int shown = 0;
        const double ms = firstScreen(reader.get(), c.filter, &shown);
        out << "construct model + first screen, " << c.name << ": " << QString::number(ms, 'f', 1) << " ms (" << shown
            << " rows loaded), RSS " << rss() << Qt::endl;
    }
    return 0;
}
