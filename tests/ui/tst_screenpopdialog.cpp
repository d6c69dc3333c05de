// The caller screen pop in the console: ConsoleSyncProxy::screenPop shows who is calling and their open tickets;
// "Open case" brings up the Cases tab with that case selected.
#include "casesview.h"
#include "common/clock.h"
#include "domain/case.h"
#include "mainwindow.h"
#include "screenpopdialog.h"
#include "storage/casestore.h"
#include "sync/consolesyncproxy.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestScreenPopDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void popShowsTheCallerAndOpensTheCase()
    {
        TempStore store;
        qint64 caseId = 0;
        {
            auto db = store.open();
            Case c;
            c.subject = QStringLiteral("Router keeps rebooting");
            c.status = QStringLiteral("open");
            c.priority = QStringLiteral("high");
            c.externalProvider = QStringLiteral("freshdesk");
            c.externalTicketId = 4711;
            auto r = CaseStore(*db, Clock::system()).upsertByExternalLink(c, ChangeSource::Import);
            QVERIFY(r.ok());
            caseId = r->caseId;
        }
        ConsoleSyncProxy service;
        ui::MainWindow window(&service);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        window.openStore(store.location());
        QVERIFY(ready.wait(10000));
        QTRY_VERIFY(window.findChild<ui::CasesView *>());

        const QJsonObject match{
            {QStringLiteral("phone_e164"), QStringLiteral("+49301234567")},
            {QStringLiteral("customers"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Anna")},
                                    {QStringLiteral("email"), QStringLiteral("anna@example.com")}}}},
            {QStringLiteral("tickets"),
             QJsonArray{QJsonObject{{QStringLiteral("case_id"), caseId},
                                    {QStringLiteral("ticket_id"), 4711},
                                    {QStringLiteral("subject"), QStringLiteral("Router keeps rebooting")},
                                    {QStringLiteral("status"), QStringLiteral("open")},
                                    {QStringLiteral("priority"), QStringLiteral("high")}}}}};
        Q_EMIT service.screenPop(QStringLiteral("int-1"), QStringLiteral("call-1"), match);
        ui::ScreenPopDialog *pop = nullptr;
        QTRY_VERIFY((pop = window.findChild<ui::ScreenPopDialog *>()));
        QVERIFY(pop->isVisible());
        QVERIFY(pop->findChild<QLabel *>(QStringLiteral("screenPopCaller"))->text().contains(QLatin1String("Anna")));
        auto *list = pop->findChild<QListWidget *>(QStringLiteral("screenPopTickets"));
        QCOMPARE(list->count(), 1);
        QVERIFY(list->item(0)->text().contains(QLatin1String("#4711")));
        QTest::mouseClick(pop->findChild<QPushButton *>(QStringLiteral("screenPopOpen")), Qt::LeftButton);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        auto *cases = window.findChild<ui::CasesView *>();
        QCOMPARE(tabs->currentWidget(), cases);
        QTRY_COMPARE(cases->selectedCaseId(), caseId);
        service.stop();
    }

    void noTicketsMeansNothingToOpen()
    {
        ui::ScreenPopDialog pop(QStringLiteral("c"), QJsonObject{{QStringLiteral("customers"), QJsonArray{}}});
        QVERIFY(!pop.findChild<QPushButton *>(QStringLiteral("screenPopOpen"))->isEnabled());
    }
};

QTEST_MAIN(TestScreenPopDialog)
#include "tst_screenpopdialog.moc"
