#include "common/clock.h"
#include "failedeventsview.h"
#include "mainwindow.h"
#include "storage/inbox.h"
#include "sync/consolesyncproxy.h"
#include "tempstore.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QtTest>

using namespace cb;
using namespace cb::test;

// The Failed events tab: failed and dead webhooks listed with their errors; Replay selected / Replay all put them
// back to pending through the sync thread.
class TestFailedEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void replaySelectedThenAll()
    {
        TempStore store;
        {
            auto writer = store.open();
            Inbox inbox(*writer, Clock::system());
            for (int i = 0; i < 4; ++i) {
                InboxEvent e;
                e.integrationId = QStringLiteral("int-1");
                e.eventKey = QStringLiteral("event-%1").arg(i);
                e.body =
                    QStringLiteral(R"({"ticket_id":%1,"requester_email":"jane.doe@example.com","api_key":"k-123"})")
                        .arg(i)
                        .toUtf8();
                e.contentType = QStringLiteral("application/json");
                const qint64 id = inbox.insert(e)->eventId;
                if (i < 3)
                    QVERIFY(inbox.markFailed(id, QStringLiteral("Ticket %1 not found (404)").arg(i), i == 2));
            }
        }
        ConsoleSyncProxy service; // no runtime: nothing processes the replayed events, so they stay pending
        ui::MainWindow window(&service);
        window.show();
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        window.openStore(store.location());
        QVERIFY(ready.wait(10000));

        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        auto *view = window.findChild<ui::FailedEventsView *>();
        QVERIFY(view);
        tabs->setCurrentWidget(view);
        auto *table = view->findChild<QTableWidget *>(QStringLiteral("failedTable"));
        auto *replaySelected = view->findChild<QPushButton *>(QStringLiteral("replaySelectedButton"));
        auto *replayAll = view->findChild<QPushButton *>(QStringLiteral("replayAllButton"));
        QCOMPARE(table->rowCount(), 3); // the pending one is not listed
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("dead"));
        QCOMPARE(table->item(0, 5)->text(), QStringLiteral("Ticket 2 not found (404)"));
        QCOMPARE(table->item(1, 3)->text(), QStringLiteral("1"));
        QVERIFY(!replaySelected->isEnabled());
        QVERIFY(replayAll->isEnabled());

        // Select the newest (dead) one and replay it.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(0, 0)).center());
        QVERIFY(replaySelected->isEnabled());
        // What was received, redacted: the e-mail masked, the credential-looking value gone.
        const QString payload = view->findChild<QPlainTextEdit *>(QStringLiteral("failedPayload"))->toPlainText();
        QVERIFY2(payload.contains(QLatin1String("\"ticket_id\": 2")), qPrintable(payload));
        QVERIFY(payload.contains(QStringLiteral("j•••@example.com")));
        QVERIFY(!payload.contains(QLatin1String("jane.doe")));
        QVERIFY(!payload.contains(QLatin1String("k-123")));
        const qint64 replayedId = table->item(0, 0)->text().toLongLong();
        QSignalSpy done(&service, &ConsoleSyncProxy::actionDone);
        QTest::mouseClick(replaySelected, Qt::LeftButton);
        QVERIFY(done.wait(5000));
        QTRY_COMPARE(table->rowCount(), 2);
        auto db = store.open(Database::Access::ReadOnly);
        QCOMPARE(db->scalar(QStringLiteral("SELECT state FROM webhook_inbox WHERE id = ?"), {replayedId})->toString(),
                 QStringLiteral("pending"));

        QTest::mouseClick(replayAll, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 0, 5000);
        QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_inbox WHERE state = 'pending'"))->toInt(), 4);
        QVERIFY(!replayAll->isEnabled());
        QVERIFY(view->findChild<QLabel *>(QStringLiteral("failedStatus"))->text().contains(QLatin1String("No failed")));
        service.stop();
    }
};

QTEST_MAIN(TestFailedEvents)
#include "tst_failedevents.moc"
