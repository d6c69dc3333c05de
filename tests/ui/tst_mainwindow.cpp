#include "emptystatewidget.h"
#include "mainwindow.h"
#include "storage/database.h"
#include "sync/consolesyncproxy.h"
#include "tempstore.h"

#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsHonestEmptyState()
    {
        TempStore store;
        ConsoleSyncProxy service;
        ui::MainWindow window(&service);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        window.openStore(store.location());
        QVERIFY(ready.wait(10000));
        auto *title = window.findChild<QLabel *>(QStringLiteral("emptyStateTitle"));
        QVERIFY(title);
        QCOMPARE(title->text(), QStringLiteral("No helpdesk connected yet"));
        auto *text = window.findChild<QLabel *>(QStringLiteral("emptyStateText"));
        QVERIFY(text->text().contains(QLatin1String("connect freshdesk")));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("storeStatus"))->text().contains(store.path()));
        service.stop();
    }

    void showsWhyTheStoreFailed()
    {
        QTemporaryDir dir; // a directory is not a store
        ConsoleSyncProxy service;
        ui::MainWindow window(&service);
        window.show();
        QSignalSpy failed(&service, &ConsoleSyncProxy::storeFailed);
        window.openStore(*DatabaseLocation::parse(dir.path()));
        QVERIFY(failed.wait(10000));
        auto *title = window.findChild<QLabel *>(QStringLiteral("emptyStateTitle"));
        QCOMPARE(title->text(), QStringLiteral("The case store could not be opened"));
        QVERIFY(
            window.findChild<QLabel *>(QStringLiteral("emptyStateText"))->text().contains(QLatin1String("not a file")));
        service.stop();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
