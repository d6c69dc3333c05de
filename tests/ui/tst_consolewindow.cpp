#include "common/clock.h"
#include "mainwindow.h"
#include "storage/synclog.h"
#include "sync/consolesyncproxy.h"
#include "synclogview.h"
#include "synctrayicon.h"
#include "tempstore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace cb;
using namespace cb::test;

// The main window's tabs, the live sync log, what it remembers between runs and its tray status.
class TestConsoleWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Casebridge"));
        QCoreApplication::setApplicationName(QStringLiteral("casebridge-test"));
        QSettings().clear();
    }

    void tabsGeometryAndSplitterAreRemembered()
    {
        TempStore store;
        QList<int> sizes;
        {
            ConsoleSyncProxy service;
            ui::MainWindow window(&service);
            window.show();
            QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
            window.openStore(store.location());
            QVERIFY(ready.wait(10000));
            auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
            QCOMPARE(tabs->count(), 4);
            QCOMPARE(tabs->tabText(2), QStringLiteral("Sync &log"));
            QCOMPARE(tabs->tabText(3), QStringLiteral("&Failed events"));
            tabs->setCurrentIndex(2);
            window.resize(930, 640);
            auto *splitter = window.findChild<QSplitter *>(QStringLiteral("syncLogSplitter"));
            QTRY_VERIFY(splitter->height() > 300);
            splitter->setSizes({splitter->height() - 150, 150});
            sizes = splitter->sizes();
            window.close();
            service.stop();
        }
        QCOMPARE(QSettings().value(QStringLiteral("mainWindow/geometry")).toByteArray().isEmpty(), false);
        ConsoleSyncProxy service;
        ui::MainWindow window(&service);
        QCOMPARE(window.size(), QSize(930, 640));
        window.show();
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        window.openStore(store.location());
        QVERIFY(ready.wait(10000));
        window.findChild<QTabWidget *>(QStringLiteral("mainTabs"))->setCurrentIndex(2);
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("syncLogSplitter"));
        QTRY_COMPARE(splitter->sizes(), sizes);
        service.stop();
    }

    void liveLogAndTrayNotification()
    {
        TempStore store;
        ConsoleSyncProxy service;
        ui::MainWindow window(&service);
        window.show();
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        window.openStore(store.location());
        QVERIFY(ready.wait(10000));
        auto *table = window.findChild<QTableView *>(QStringLiteral("syncLogTable"));
        QCOMPARE(table->model()->rowCount(), 0);

        auto writer = store.open();
        SyncLogEntry e;
        e.integrationId = QStringLiteral("int-1");
        e.ticketId = 42;
        e.direction = SyncDirection::Outbound;
        e.event = QStringLiteral("ticket.update");
        e.result = SyncResult::Applied;
        SyncLog log(*writer, Clock::system());
        QVERIFY(log.append(e));
        e.result = SyncResult::Failed;
        e.error = QStringLiteral("HTTP 503 from the helpdesk");
        const qint64 last = *log.append(e);

        ui::SyncTrayIcon *tray = window.trayIcon();
        QSignalSpy noticed(tray, &ui::SyncTrayIcon::failureNoticed);
        Q_EMIT service.logAppended(last); // what the sync thread says after logging
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(table->model()->index(0, 5).data().toString(), QStringLiteral("failed"));
        QCOMPARE(noticed.size(), 1);
        QVERIFY(noticed.first().at(0).toString().contains(QLatin1String("1 sync failure")));
        Q_EMIT service.logAppended(last); // nothing new: no second notification, no duplicate row
        QCOMPARE(noticed.size(), 1);
        QCOMPARE(table->model()->rowCount(), 2);

        IntegrationHealth h;
        h.domain = QStringLiteral("acme.freshdesk.com");
        h.state = QStringLiteral("active");
        h.holdsLease = true;
        h.outboxPending = 3;
        h.failuresLastHour = 1;
        Q_EMIT service.healthChanged({h});
        QVERIFY2(tray->toolTip().contains(QStringLiteral("1 of 1 helpdesk")), qPrintable(tray->toolTip()));
        QVERIFY(tray->toolTip().contains(QStringLiteral("0 in / 3 out")));
        service.stop();
    }
};

QTEST_MAIN(TestConsoleWindow)
#include "tst_consolewindow.moc"
