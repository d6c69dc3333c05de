// `casebridge-sync log --follow` prints a row another process appends within a second: on PostgreSQL woken by
// NOTIFY casebridge_changes, on SQLite by the notifier's data_version poll.
#include "clirunner.h"
#include "common/clock.h"
#include "pgtestdatabase.h"
#include "storage/database.h"
#include "storage/synclog.h"
#include "tempstore.h"

#include <QProcess>
#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestLogFollow : public QObject
{
    Q_OBJECT

    static bool append(Database &db, const QString &event)
    {
        SyncLogEntry e;
        e.direction = SyncDirection::Local;
        e.source = ChangeSource::User;
        e.event = event;
        e.result = SyncResult::Applied;
        return bool(SyncLog(db, Clock::system()).append(e));
    }

    void followPrintsAnotherProcesssRows(const QString &database)
    {
        auto location = DatabaseLocation::parse(database);
        QVERIFY(location);
        auto writer = Database::open(*location);
        QVERIFY(writer);
        QVERIFY(append(**writer, QStringLiteral("follow.before")));

        QProcess follow;
        follow.start(cliPath(), {QStringLiteral("--database"), database, QStringLiteral("--json"),
                                 QStringLiteral("log"), QStringLiteral("--follow")});
        QVERIFY(follow.waitForStarted(10000));
        QByteArray out;
        const auto seen = [&](const QString &event) {
            out += follow.readAllStandardOutput();
            const QByteArray needle = "\"event\":\"" + event.toUtf8() + '"';
            return out.contains(needle);
        };
        QTRY_VERIFY_WITH_TIMEOUT(seen(QStringLiteral("follow.before")), 10000);
        QTest::qWait(300); // subscribed by now (a row appended earlier would be caught anyway)

        QList<qint64> latencies;
        for (int n = 0; n < 5; ++n) {
            const QString event = QStringLiteral("follow.row.%1").arg(n);
            QElapsedTimer t;
            t.start();
            QVERIFY(append(**writer, event));
            QTRY_VERIFY_WITH_TIMEOUT(seen(event), 1000);
            latencies << t.elapsed();
            QTest::qWait(200);
        }
        qInfo() << "printed after (ms)" << latencies;
        QCOMPARE(out.count("follow.row."), 5); // each once
        follow.terminate();
        QVERIFY(follow.waitForFinished(10000));
        QCOMPARE(follow.exitCode(), 0);
    }

private Q_SLOTS:
    void sqlite()
    {
        TempStore store;
        QVERIFY(store.open());
        followPrintsAnotherProcesssRows(store.path());
    }

    void postgres()
    {
        PgTestDatabase pg;
        if (!pg.available())
            QSKIP(PgTestDatabase::skipReason());
        QVERIFY(pg.create());
        followPrintsAnotherProcesssRows(pg.url());
    }
};

QTEST_GUILESS_MAIN(TestLogFollow)
#include "tst_logfollow.moc"
