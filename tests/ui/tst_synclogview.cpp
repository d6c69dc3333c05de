#include "common/clock.h"
#include "storage/synclog.h"
#include "synclogdetailpane.h"
#include "synclogmodel.h"
#include "synclogview.h"
#include "tempstore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace cb;
using namespace cb::test;

// The live sync-log model (keyset paging, live rows at the top, SQL filters) and its view (filters, detail, CSV).
class TestSyncLogView : public QObject
{
    Q_OBJECT

    static SyncLogEntry entry(int i)
    {
        static const QList<SyncDirection> directions = {SyncDirection::Inbound, SyncDirection::Outbound,
                                                        SyncDirection::Import, SyncDirection::Reconcile};
        static const QList<SyncResult> results = {SyncResult::Applied, SyncResult::Unchanged, SyncResult::Conflict,
                                                  SyncResult::EchoDropped, SyncResult::Failed};
        SyncLogEntry e;
        e.integrationId = i % 2 ? QStringLiteral("int-a") : QStringLiteral("int-b");
        e.ticketId = 1000 + i % 10;
        e.caseId = i % 10 + 1;
        e.direction = directions.at(i % directions.size());
        e.source = ChangeSource::Webhook;
        e.event = QStringLiteral("ticket.update");
        e.result = results.at(i % results.size());
        e.changes =
            QJsonObject{{QStringLiteral("status"), QJsonObject{{QStringLiteral("from"), QStringLiteral("open")},
                                                               {QStringLiteral("to"), QStringLiteral("pending")}}}};
        e.latencyMs = i;
        if (e.result == SyncResult::Failed)
            e.error = QStringLiteral("HTTP 503 from the helpdesk, row %1").arg(i);
        return e;
    }

    static void fill(Database &db, int from, int count)
    {
        SyncLog log(db, Clock::system());
        for (int i = from; i < from + count; ++i)
            QVERIFY(log.append(entry(i)));
    }

private Q_SLOTS:
    void pagesAndAppendsUnderTheModelTester()
    {
        TempStore store;
        auto writer = store.open();
        fill(*writer, 0, 250);
        auto reader = store.open(Database::Access::ReadOnly);
        ui::SyncLogModel model(reader.get());
        model.setPageSize(60);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // A view or tester asking for more while rows are being inserted must not load a page twice.
        int nested = 0;
        connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, this, [&] {
            QVERIFY(!model.canFetchMore({}));
            model.fetchMore({});
            ++nested;
        });
        while (model.canFetchMore({}))
            model.fetchMore({});
        QVERIFY(nested > 0);
        QCOMPARE(model.rowCount(), 250);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.entryAt(row - 1)->id > model.entryAt(row)->id); // newest first, no duplicates
        QCOMPARE(model.entryAt(249)->id, 1);

        // Rows logged later go to the top, once.
        fill(*writer, 250, 3);
        model.appendNewer();
        model.appendNewer();
        QCOMPARE(model.rowCount(), 253);
        QCOMPARE(model.entryAt(0)->id, 253);
        QCOMPARE(model.data(model.index(0, ui::SyncLogModel::TicketColumn)).toString(), QStringLiteral("#1002"));
        // The event in words; its stored name in the tooltip.
        QCOMPARE(model.data(model.index(0, ui::SyncLogModel::EventColumn)).toString(),
                 QStringLiteral("ticket changed"));
        QCOMPARE(model.data(model.index(0, ui::SyncLogModel::EventColumn), Qt::ToolTipRole).toString(),
                 QStringLiteral("ticket.update"));
    }

    void filtersRequeryWithSql()
    {
        TempStore store;
        auto writer = store.open();
        fill(*writer, 0, 200);
        auto reader = store.open(Database::Access::ReadOnly);
        ui::SyncLogModel model(reader.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto countAll = [&] {
            while (model.canFetchMore({}))
                model.fetchMore({});
            return model.rowCount();
        };
        QCOMPARE(countAll(), 200);
        SyncLogFilter f;
        f.direction = SyncDirection::Outbound;
        model.setFilter(f);
        QCOMPARE(countAll(), 50);
        f.result = SyncResult::Failed; // i % 4 == 1 and i % 5 == 4: i % 20 == 9
        model.setFilter(f);
        QCOMPARE(countAll(), 10);
        f = {};
        f.ticketId = 1003;
        f.integrationId = QStringLiteral("int-a");
        model.setFilter(f);
        QCOMPARE(countAll(), 20);
        f = {};
        f.text = QStringLiteral("row 19");
        model.setFilter(f);
        QCOMPARE(countAll(), 3); // only failed rows (i % 5 == 4) carry an error: rows 19, 194 and 199
        // Live rows respect the filter.
        fill(*writer, 200, 20);
        model.appendNewer();
        QCOMPARE(model.rowCount(), 3);
        f.text = QStringLiteral("row 21");
        model.setFilter(f);
        QCOMPARE(countAll(), 2); // 214 and 219, logged after the model was made
        fill(*writer, 220, 20);
        model.appendNewer();
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.entryAt(row)->error.contains(QLatin1String("row 21")));
    }

    void viewFiltersDetailAndCsv()
    {
        TempStore store;
        auto writer = store.open();
        fill(*writer, 0, 120);
        auto reader = store.open(Database::Access::ReadOnly);
        ui::SyncLogModel model(reader.get());
        ui::SyncLogView view(reader.get(), &model);
        view.setIntegrations(
            {{QStringLiteral("int-a"), QStringLiteral("a.freshdesk.com"), QStringLiteral("freshdesk")},
             {QStringLiteral("int-b"), QStringLiteral("b.freshservice.com"), QStringLiteral("freshservice")}});
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *table = view.findChild<QTableView *>(QStringLiteral("syncLogTable"));
        QTRY_VERIFY(table->model()->rowCount() > 0);

        auto *result = view.findChild<QComboBox *>(QStringLiteral("logResultFilter"));
        result->setCurrentIndex(result->findData(QStringLiteral("failed")));
        QTRY_COMPARE(model.rowCount(), 24);
        auto *ticket = view.findChild<QLineEdit *>(QStringLiteral("logTicketFilter"));
        QTest::keyClicks(ticket, QStringLiteral("#1004"));
        QTest::keyClick(ticket, Qt::Key_Return);
        QCOMPARE(model.rowCount(), 12);
        QTest::keyClicks(ticket, QStringLiteral("x")); // the validator refuses non-digits
        QCOMPARE(ticket->text(), QStringLiteral("#1004"));
        auto *integration = view.findChild<QComboBox *>(QStringLiteral("logIntegrationFilter"));
        QCOMPARE(integration->count(), 3);
        integration->setCurrentIndex(integration->findData(QStringLiteral("int-b")));
        QCOMPARE(model.rowCount(), 12); // ticket 1004 is always an even row: int-b
        integration->setCurrentIndex(integration->findData(QStringLiteral("int-a")));
        QCOMPARE(model.rowCount(), 0);
        integration->setCurrentIndex(0);

        // The detail pane shows the selected row's change as before → after, with latency and error.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(table->model()->index(0, 0)).center());
        const QString detail = view.findChild<ui::SyncLogDetailPane *>()->toPlainText();
        // As people read it: the field and its values by name, not "status: open → pending".
        QVERIFY2(detail.contains(QLatin1String("Status")) && detail.contains(QLatin1String("Open")) &&
                     detail.contains(QLatin1String("Pending")),
                 qPrintable(detail));
        QVERIFY2(!detail.contains(QLatin1String("status")) && !detail.contains(QLatin1String("pending")),
                 qPrintable(detail));
        QVERIFY(detail.contains(QLatin1String("HTTP 503")));
        QVERIFY(detail.contains(QLatin1String("114 ms")));

        // Export writes the filtered rows (header + 12) without a dialog thanks to the seam.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.csv"));
        ui::SyncLogView::setNextExportPath(path);
        QSignalSpy exported(&view, &ui::SyncLogView::exportFinished);
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("exportCsvButton")), Qt::LeftButton);
        QVERIFY(exported.wait(5000));
        QVERIFY(exported.first().at(0).toBool());
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 13);
        QVERIFY(lines.at(0).startsWith("id,at,integration_id"));
        QVERIFY(lines.at(1).contains("\"{\"\"status\"\":{\"\"from\"\":\"\"open\"\",\"\"to\"\":\"\"pending\"\"}}\""));

        // Text filter (debounced while typing).
        auto *text = view.findChild<QLineEdit *>(QStringLiteral("logTextFilter"));
        QTest::keyClicks(text, QStringLiteral("row 114"));
        QTRY_COMPARE(model.rowCount(), 1);
    }

    // However long the console runs, the model holds a bounded window: rows logged live (many more than the bound)
    // come in place, never by a reset, and the selected row stays in the window and selected; paging through the
    // whole log stays bounded too, and with nothing held the newest rows come back on top.
    void theWindowStaysBoundedAndTheSelectionStaysWhileTheLogGrows()
    {
        TempStore store;
        auto writer = store.open();
        fill(*writer, 0, 300);
        auto reader = store.open(Database::Access::ReadOnly);
        ui::SyncLogModel model(reader.get());
        model.setPageSize(50);
        model.setMaxRows(200);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ui::SyncLogView view(reader.get(), &model);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *table = view.findChild<QTableView *>(QStringLiteral("syncLogTable"));
        QTRY_VERIFY(model.rowCount() > 3);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        table->selectRow(3);
        const qint64 selected = model.entryAt(3)->id;
        QCOMPARE(selected, 297);

        for (int burst = 0; burst < 10; ++burst) {
            fill(*writer, 300 + burst * 100, 100);
            model.appendNewer(); // what ConsoleSyncProxy::logAppended triggers
            QVERIFY2(model.rowCount() <= 200, qPrintable(QString::number(model.rowCount())));
            const QModelIndex current = table->selectionModel()->currentIndex();
            QVERIFY(current.isValid());
            QCOMPARE(model.entryAt(current.row())->id, selected);
            QVERIFY(table->selectionModel()->isRowSelected(current.row(), {}));
            for (int row = 1; row < model.rowCount(); ++row) // newest first, contiguous: nothing skipped
                QCOMPARE(model.entryAt(row)->id, model.entryAt(row - 1)->id - 1);
        }
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.rowCount(), 200);
        QVERIFY(model.hasNewer()); // the window is held where the selection is

        // Nothing held any more: the next live refresh puts the newest on top, still bounded.
        table->selectionModel()->clear();
        fill(*writer, 1300, 1);
        model.appendNewer();
        QCOMPARE(model.entryAt(0)->id, 1301);
        QCOMPARE(model.rowCount(), 200);
        QVERIFY(!model.hasNewer());

        // Paging down through the whole log keeps the window bounded, down to the first row.
        int pages = 0;
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QVERIFY(model.rowCount() <= 200);
            ++pages;
        }
        QVERIFY(pages > 20);
        QCOMPARE(model.entryAt(model.rowCount() - 1)->id, 1);
        QVERIFY(model.hasNewer());
        model.appendNewer(); // back at the top
        QCOMPARE(model.entryAt(0)->id, 1301);
        QVERIFY(model.rowCount() <= 200);
        QCOMPARE(resets.size(), 0);
    }
};

QTEST_MAIN(TestSyncLogView)
#include "tst_synclogview.moc"
