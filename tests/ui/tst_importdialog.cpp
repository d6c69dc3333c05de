#include "common/clock.h"
#include "http/httphost.h"
#include "importdialog.h"
#include "mainwindow.h"
#include "realclientruntime.h"
#include "sandbox/sandboxhelpdesk.h"
#include "sync/consolesyncproxy.h"
#include "tempstore.h"
#include "ticketidparser.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QtTest>

using namespace cb;
using namespace cb::test;

// The import dialog driven like a person would, against the sandbox helpdesk over HTTP and the real sync thread.
class TestImportDialog : public QObject
{
    Q_OBJECT

    template<typename T>
    static T *child(QWidget *w, const char *name)
    {
        auto *c = w->findChild<T *>(QString::fromLatin1(name));
        if (!c)
            qWarning("no child %s", name);
        return c;
    }

    static void replaceText(QPlainTextEdit *edit, const QString &text)
    {
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Delete);
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            if (i > 0)
                QTest::keyClick(edit, Qt::Key_Return);
            QTest::keyClicks(edit, lines.at(i));
        }
    }

private Q_SLOTS:
    void parserReadsIdsAndUrls()
    {
        const auto p = ui::TicketIdParser::parse(
            QStringLiteral("12, 13;#14\nhttps://acme.freshdesk.com/a/tickets/15 https://x.example/helpdesk/tickets/16/ "
                           "12 abc 17x https://acme.freshdesk.com/a/contacts/3"));
        QCOMPARE(p.ids, (QList<qint64>{12, 13, 14, 15, 16}));
        QCOMPARE(p.invalid.size(), 3);
        QCOMPARE(p.invalid.at(0).text, QStringLiteral("abc"));
        QCOMPARE(p.invalid.at(1).text, QStringLiteral("17x"));
        QVERIFY(ui::TicketIdParser::parse(QStringLiteral(" ,; ")).ids.isEmpty());
    }

    void estimateFollowsTheHelpdesk()
    {
        ui::ImportDialog dialog(
            {{QStringLiteral("a"), QStringLiteral("acme.freshdesk.com"), QStringLiteral("freshdesk")},
             {QStringLiteral("b"), QStringLiteral("it.freshservice.com"), QStringLiteral("freshservice")}});
        auto *tabs = child<QTabWidget>(&dialog, "importTabs");
        tabs->setCurrentIndex(1);
        auto *status = child<QComboBox>(&dialog, "statusCombo");
        status->setCurrentIndex(status->findData(QStringLiteral("open")));
        child<QSpinBox>(&dialog, "limitSpin")->setValue(5);
        auto *estimate = child<QLabel>(&dialog, "estimateLabel");
        QVERIFY2(estimate->text().contains(QLatin1String("at most 1 API call")), qPrintable(estimate->text()));
        // Freshservice filters on the server: a filter page and a lookup for each of up to 5 requesters.
        child<QComboBox>(&dialog, "integrationCombo")->setCurrentIndex(1);
        QVERIFY2(estimate->text().contains(QLatin1String("at most 6 API call")), qPrintable(estimate->text()));
    }

    void bothTabsAgainstTheSandbox()
    {
        QNetworkAccessManager sandboxNam;
        SandboxHelpdesk sandbox(&sandboxNam);
        sandbox.setPlan({QStringLiteral("test"), 100000, 100000, 100000, 60000});
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<qint64> ids;
        for (int i = 0; i < 6; ++i)
            ids << sandbox.account()
                       .createTicket(QStringLiteral("Ticket %1").arg(i), QStringLiteral("c%1@acme.example").arg(i),
                                     now.addDays(-i))
                       .value(QLatin1String("id"))
                       .toInteger();
        HttpHost server(&sandbox);
        const quint16 port = *server.listen(QHostAddress::LocalHost, 0);

        TempStore store;
        ConsoleSyncProxy service(realClientRuntime());
        ui::MainWindow window(&service);
        window.show();
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        window.openStore(store.location());
        QVERIFY(ready.wait(10000));
        QSignalSpy connected(&service, &ConsoleSyncProxy::connected);
        ConnectRequest req;
        req.domain = QStringLiteral("127.0.0.1:%1").arg(port);
        req.apiKey = "sandbox-admin-key";
        service.connectIntegration(req, false);
        QVERIFY(connected.wait(10000));

        // File → Import tickets… opens the dialog with the sandbox as the helpdesk.
        window.findChild<QAction *>(QStringLiteral("actionImport"))->trigger();
        auto *dialog = window.findChild<ui::ImportDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(child<QComboBox>(dialog, "integrationCombo")->count(), 1);
        auto *start = child<QPushButton>(dialog, "startButton");
        auto *ticketIds = child<QPlainTextEdit>(dialog, "ticketIdsEdit");
        auto *estimate = child<QLabel>(dialog, "estimateLabel");
        auto *summary = child<QLabel>(dialog, "summaryLabel");
        QVERIFY(!start->isEnabled()); // nothing given yet

        // Bad input: the invalid tokens are named and highlighted; Start stays disabled.
        replaceText(ticketIds, QStringLiteral("%1, abc 7x7").arg(ids.at(0)));
        QVERIFY(!start->isEnabled());
        QCOMPARE(ticketIds->extraSelections().size(), 2);
        QVERIFY(child<QLabel>(dialog, "idsStatus")->text().contains(QLatin1String("abc, 7x7")));

        // Good input: ids and a ticket URL, plus one the helpdesk does not have.
        replaceText(ticketIds, QStringLiteral("%1, https://acme.freshdesk.com/a/tickets/%2\n#%3; 999999")
                                   .arg(ids.at(0))
                                   .arg(ids.at(1))
                                   .arg(ids.at(2)));
        QVERIFY(start->isEnabled());
        QCOMPARE(ticketIds->extraSelections().size(), 0);
        QVERIFY2(estimate->text().contains(QLatin1String("Estimate: 4 API call")), qPrintable(estimate->text()));
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(child<QPushButton>(dialog, "cancelButton")->isEnabled());
        QVERIFY(!start->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QLatin1String("Import finished")), 15000);
        QVERIFY2(summary->text().contains(QStringLiteral("Imported: 3 · already linked: 0 · failed: 1")),
                 qPrintable(summary->text()));
        auto *failures = child<QPlainTextEdit>(dialog, "failuresText");
        QVERIFY(failures->isVisibleTo(dialog));
        QVERIFY(failures->toPlainText().contains(QLatin1String("999999")));
        QVERIFY(!child<QPushButton>(dialog, "cancelButton")->isEnabled());

        // By filter: open tickets, at most 5; the three imported above are already linked.
        auto *tabs = child<QTabWidget>(dialog, "importTabs");
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
        QCOMPARE(tabs->currentIndex(), 1);
        QVERIFY(start->isEnabled()); // the filter tab is valid as it stands (any status, all time)
        // Bad filter: updated since a day in the future.
        auto *sinceCheck = child<QCheckBox>(dialog, "sinceCheck");
        auto *since = child<QDateEdit>(dialog, "sinceEdit");
        QTest::mouseClick(sinceCheck, Qt::LeftButton);
        QVERIFY(sinceCheck->isChecked() && since->isEnabled());
        since->setDate(QDate::currentDate().addDays(2));
        QVERIFY(!start->isEnabled());
        QVERIFY(child<QLabel>(dialog, "filterStatus")->text().contains(QLatin1String("future")));
        since->setDate(QDate::currentDate().addYears(-1));
        QVERIFY(start->isEnabled());
        QVERIFY(child<QLabel>(dialog, "filterStatus")->text().isEmpty());
        QTest::mouseClick(sinceCheck, Qt::LeftButton); // back to all time
        auto *status = child<QComboBox>(dialog, "statusCombo");
        status->setCurrentIndex(status->findData(QStringLiteral("open")));
        auto *limit = child<QSpinBox>(dialog, "limitSpin");
        limit->setFocus();
        QTest::keyClick(limit, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(limit, QStringLiteral("5"));
        QCOMPARE(limit->value(), 5);
        QVERIFY2(estimate->text().contains(QLatin1String("at most 1 API call")), qPrintable(estimate->text()));
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QLatin1String("Import finished")), 15000);
        // Oldest first: tickets 6, 5, 4 are new, 3 and 2 were imported by id above.
        QVERIFY2(summary->text().contains(QStringLiteral("Imported: 3 · already linked: 2 · failed: 0")),
                 qPrintable(summary->text()));
        auto db = store.open(Database::Access::ReadOnly);
        QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM cases"))->toInt(), 6);
        QTRY_VERIFY(
            window.findChild<QLabel *>(QStringLiteral("storeStatus"))->text().endsWith(QLatin1String("6 case(s)")));

        // Cancel: each ticket takes 150 ms; after the first one is in, Cancel stops the rest.
        sandbox.addFault({"GET", QStringLiteral("/api/v2/tickets/"), 200, 1.0, 150});
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(0).center());
        QStringList many;
        for (int i = 0; i < 20; ++i)
            many << QString::number(ids.at(i % ids.size()) + 1000 * (i / ids.size()));
        replaceText(ticketIds, many.join(QLatin1Char(' ')));
        auto *progress = child<QProgressBar>(dialog, "importProgress");
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(progress->maximum() == 20 && progress->value() >= 1, 10000);
        QTest::mouseClick(child<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QLatin1String("Import cancelled")), 10000);
        QVERIFY(start->isEnabled());
        QVERIFY2(progress->value() < 20, qPrintable(summary->text()));
        sandbox.clearFaults();

        // The health panel's button reaches the same dialog; closing it leaves the window.
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("importButton")), Qt::LeftButton);
        QCOMPARE(window.findChildren<ui::ImportDialog *>().size(), 1);
        QTest::mouseClick(child<QPushButton>(dialog, "closeButton"), Qt::LeftButton);
        QTRY_VERIFY(window.findChildren<ui::ImportDialog *>().isEmpty());
        service.stop();
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
