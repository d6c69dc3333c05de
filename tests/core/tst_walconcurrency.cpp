#include "common/clock.h"
#include "storage/database.h"
#include "tempstore.h"

#include <QThread>
#include <QtTest>

#include <atomic>

using namespace cb;
using namespace cb::test;

// A reader on its own connection sees consistent data while a writer thread commits (SQLite WAL).
class TestWalConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readerSeesConsistentSnapshots()
    {
        TempStore store;
        {
            QVERIFY(store.open());
        } // create and migrate
        constexpr int kBatches = 300;
        std::atomic<bool> writerDone{false};
        std::atomic<int> writerFailures{0};

        QThread *writer = QThread::create([&] {
            auto db = store.open();
            if (!db) {
                ++writerFailures;
                writerDone = true;
                return;
            }
            for (int i = 0; i < kBatches; ++i) {
                WriteTransaction tx(*db);
                const QString now = toStoreTime(QDateTime::currentDateTimeUtc());
                // Two rows per transaction: a case and its log row. A reader must never see one without the other.
                auto c = db->exec(QStringLiteral("INSERT INTO cases (workspace_id, subject, created_at, updated_at) "
                                                 "VALUES (1, 'w', ?, ?)"),
                                  {now, now});
                auto l = db->exec(QStringLiteral("INSERT INTO ticket_sync_log (at, direction, event, result) "
                                                 "VALUES (?, 'local', 'wal.test', 'applied')"),
                                  {now});
                if (!c || !l || !tx.commit())
                    ++writerFailures;
            }
            writerDone = true;
        });
        writer->start();

        auto reader = store.open(Database::Access::ReadOnly);
        QVERIFY(reader);
        int reads = 0;
        int lastSeen = 0;
        while (!writerDone || reads == 0) {
            QVERIFY(reader->exec(QStringLiteral("BEGIN")));
            const int cases = reader->scalar(QStringLiteral("SELECT COUNT(*) FROM cases"))->toInt();
            const int logs =
                reader->scalar(QStringLiteral("SELECT COUNT(*) FROM ticket_sync_log WHERE event = 'wal.test'"))
                    ->toInt();
            QVERIFY(reader->exec(QStringLiteral("COMMIT")));
            QCOMPARE(cases, logs);
            QVERIFY(cases >= lastSeen); // never goes backwards
            lastSeen = cases;
            ++reads;
        }
        writer->wait();
        delete writer;
        QCOMPARE(writerFailures.load(), 0);
        QCOMPARE(reader->scalar(QStringLiteral("SELECT COUNT(*) FROM cases"))->toInt(), kBatches);
        QVERIFY(reads > 1);
    }
};

QTEST_GUILESS_MAIN(TestWalConcurrency)
#include "tst_walconcurrency.moc"
