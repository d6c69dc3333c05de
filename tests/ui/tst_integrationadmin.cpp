#include "aboutdialog.h"
#include "common/clock.h"
#include "failedeventsview.h"
#include "failedpushespanel.h"
#include "handbookwindow.h"
#include "helpmenu.h"
#include "http/httphost.h"
#include "integrationsettingsdialog.h"
#include "mainwindow.h"
#include "realclientruntime.h"
#include "rotatekeydialog.h"
#include "sandbox/sandboxhelpdesk.h"
#include "secretrevealdialog.h"
#include "storage/casestore.h"
#include "storage/integrationstore.h"
#include "storage/namedirectory.h"
#include "storage/outbox.h"
#include "storage/screenpopstore.h"
#include "sync/consolesyncproxy.h"
#include "synclogdetailpane.h"
#include "tempstore.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTextBrowser>
#include <QtTest>

using namespace cb;
using namespace cb::test;

// An admin's life with one integration, offscreen against the sandbox helpdesk over HTTP: settings by name,
// a new API key, disconnecting; pushes that gave up retried and discarded; the Help menu; and a caller popped on
// every console of a store.
class TestIntegrationAdmin : public QObject
{
    Q_OBJECT

    static void closeSecretDialog(ui::MainWindow &window)
    {
        ui::SecretRevealDialog *secret = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((secret = window.findChild<ui::SecretRevealDialog *>()) != nullptr, 10000);
        secret->deleteLater();
    }

    static qint64 agentNamed(SandboxHelpdesk &sandbox, const QString &name)
    {
        for (const QJsonObject &a : std::as_const(sandbox.account().agents)) {
            if (a.value(QStringLiteral("contact")).toObject().value(QStringLiteral("name")).toString() == name)
                return a.value(QStringLiteral("id")).toInteger();
        }
        return 0;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void settingsKeyAndDisconnectAgainstTheSandbox()
    {
        QNetworkAccessManager sandboxNam;
        SandboxHelpdesk sandbox(&sandboxNam);
        sandbox.setPlan({QStringLiteral("test"), 100000, 100000, 100000, 60000});
        sandbox.account().createTicket(QStringLiteral("VPN down"), QStringLiteral("jo@acme.example"),
                                       QDateTime::currentDateTimeUtc());
        HttpHost server(&sandbox);
        const quint16 port = *server.listen(QHostAddress::LocalHost, 0);
        TempStore store;
        ConsoleSyncProxy service(realClientRuntime());
        ui::MainWindow window(&service);
        window.show();
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        window.openStore(store.location(), {});
        QVERIFY(ready.wait(10000));

        ConnectRequest request;
        request.domain = QStringLiteral("127.0.0.1:%1").arg(port);
        request.apiKey = "sandbox-admin-key";
        QSignalSpy connected(&service, &ConsoleSyncProxy::connected);
        service.connectIntegration(request, false);
        QVERIFY(connected.wait(10000));
        const WebhookSetupInfo setup = connected.first().first().value<WebhookSetupInfo>();
        closeSecretDialog(window);
        auto reader = store.open(Database::Access::ReadOnly);
        const auto stored = [&] { return *IntegrationStore(*reader, Clock::system()).get(setup.integrationId); };
        QCOMPARE(stored().settings.value(QStringLiteral("comments")).toString(), QStringLiteral("off"));

        // Settings: the pickers are filled by name from the account once its names are read.
        ui::IntegrationSettingsDialog *dialog = window.openSettingsDialog(setup.integrationId);
        QVERIFY(dialog);
        auto *handoff = dialog->findChild<QComboBox *>(QStringLiteral("handoffCombo"));
        auto *target = dialog->findChild<QComboBox *>(QStringLiteral("handoffTargetCombo"));
        QSignalSpy adminDone(&service, &ConsoleSyncProxy::adminDone);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("refreshNamesButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!adminDone.isEmpty(), 10000);
        QCOMPARE(adminDone.first().first().toString(), QStringLiteral("directory"));
        handoff->setCurrentIndex(handoff->findData(int(IntegrationSettings::HandoffMode::AssignAgent)));
        QVERIFY(target->isEnabled());
        const qint64 alex = agentNamed(sandbox, QStringLiteral("Alex Agent"));
        const int alexRow = target->findText(QStringLiteral("Alex Agent <alex@sandbox.test>"));
        QVERIFY2(alexRow >= 0, qPrintable(target->itemText(0)));
        // The agent Casebridge signs in as is no hand-off target (a hand-off gives the ticket to people); the
        // intake's group picker is not affected.
        for (int i = 0; i < target->count(); ++i)
            QVERIFY2(!target->itemText(i).contains(QLatin1String("Sandy Admin")), qPrintable(target->itemText(i)));
        target->setCurrentIndex(alexRow);
        QCOMPARE(target->currentData().toLongLong(), alex);
        auto *privateNotes = dialog->findChild<QRadioButton *>(QStringLiteral("commentsPrivate"));
        QVERIFY(privateNotes->text().contains(QLatin1String("only agents see them")));
        QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("commentsPublic"))
                    ->text()
                    .contains(QLatin1String("the customer sees them")));
        QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("commentsOff"))->isChecked());
        privateNotes->setChecked(true);
        QPointer<ui::IntegrationSettingsDialog> alive(dialog);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveSettingsButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(alive.isNull() || !alive->isVisible(), 10000);
        QCOMPARE(stored().settings.value(QStringLiteral("handoff")).toString(), QStringLiteral("agent:%1").arg(alex));
        QCOMPARE(stored().settings.value(QStringLiteral("comments")).toString(), QStringLiteral("private"));

        // A new key: blank, never shown, checked before it replaces the old one; the webhook URL stays.
        dialog = window.openSettingsDialog(setup.integrationId);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("rotateKeyButton")), Qt::LeftButton);
        ui::RotateKeyDialog *rotate = nullptr;
        QTRY_VERIFY((rotate = window.findChild<ui::RotateKeyDialog *>()) != nullptr);
        auto *key = rotate->findChild<QLineEdit *>(QStringLiteral("newApiKeyEdit"));
        QVERIFY(key->text().isEmpty());
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        QCOMPARE(rotate->findChild<QLabel *>(QStringLiteral("webhookUrlLabel"))->text(), setup.webhookUrl);
        auto *verify = rotate->findChild<QPushButton *>(QStringLiteral("verifyKeyButton"));
        QVERIFY(!verify->isEnabled());
        QTest::keyClicks(key, QStringLiteral("sandbox-agent-key"));
        QTest::mouseClick(verify, Qt::LeftButton);
        auto *status = rotate->findChild<QLabel *>(QStringLiteral("rotateKeyStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("not changed")), 10000);
        QVERIFY(key->text().isEmpty());
        QVERIFY(!stored().settings.contains(QStringLiteral("key_rotated_at")));
        QTest::keyClicks(key, QStringLiteral("sandbox-admin-key"));
        QPointer<ui::RotateKeyDialog> rotateAlive(rotate);
        QTest::mouseClick(verify, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rotateAlive.isNull() || !rotateAlive->isVisible(), 10000);
        QVERIFY(stored().settings.contains(QStringLiteral("key_rotated_at")));
        QCOMPARE(stored().settings.value(QStringLiteral("handoff")).toString(), QStringLiteral("agent:%1").arg(alex));

        // Disconnect: confirmed first, says which rules to delete; the cases stay.
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("disconnectButton")), Qt::LeftButton);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = dialog->findChild<QMessageBox *>(QStringLiteral("disconnectConfirmation"))) != nullptr);
        QVERIFY(confirm->text().contains(QLatin1String("Rule 1")));
        QVERIFY(confirm->text().contains(QLatin1String("Rule 2")));
        QVERIFY(confirm->text().contains(QLatin1String("every case stays")));
        QCOMPARE(stored().state, QStringLiteral("active"));
        QTest::mouseClick(confirm->findChild<QPushButton *>(QStringLiteral("confirmDisconnectButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stored().state, QStringLiteral("disconnected"), 10000);
        service.stop();
    }

    void pushesThatGaveUpAreRetriedOrDiscarded()
    {
        TempStore store;
        qint64 first = 0;
        qint64 second = 0;
        {
            auto writer = store.open();
            Integration i;
            i.id = IntegrationStore::newId();
            i.domain = QStringLiteral("acme.freshdesk.com");
            QVERIFY(IntegrationStore(*writer, Clock::system()).insert(i));
            Case c;
            c.integrationId = i.id;
            c.externalProvider = QStringLiteral("freshdesk");
            c.externalTicketId = 12;
            const qint64 caseId =
                CaseStore(*writer, Clock::system()).upsertByExternalLink(c, ChangeSource::Import)->caseId;
            Outbox outbox(*writer, Clock::system());
            for (qint64 *id : {&first, &second}) {
                OutboxItem item;
                item.caseId = caseId;
                item.integrationId = i.id;
                item.op = OutboxOp::Update;
                item.payload = {
                    {QStringLiteral("fields"), QJsonObject{{QStringLiteral("status"), QStringLiteral("x")}}}};
                *id = *outbox.enqueue(item);
                QVERIFY(outbox.markDead(*id, QStringLiteral("Validation failed: status: It should be one of these "
                                                            "values: 2,3,4,5")));
            }
        }
        ConsoleSyncProxy service; // no runtime: nothing pushes, so a retried push stays pending
        ui::MainWindow window(&service);
        window.show();
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        window.openStore(store.location(), {});
        QVERIFY(ready.wait(10000));
        auto *view = window.findChild<ui::FailedEventsView *>();
        QVERIFY(view);
        auto *table = view->pushes()->findChild<QTableWidget *>(QStringLiteral("failedPushesTable"));
        QCOMPARE(table->rowCount(), 2);
        QVERIFY(table->item(0, 7)->text().contains(QLatin1String("It should be one of these values")));
        auto *retry = view->pushes()->findChild<QPushButton *>(QStringLiteral("retryPushButton"));
        auto *discard = view->pushes()->findChild<QPushButton *>(QStringLiteral("discardPushButton"));
        QVERIFY(!retry->isEnabled());
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == QString::number(first))
                table->selectRow(row);
        }
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 5000);
        table->selectRow(0);
        QTest::mouseClick(discard, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 0, 5000);
        auto db = store.open(Database::Access::ReadOnly);
        QCOMPARE(toString(Outbox(*db, Clock::system()).get(first)->state), QStringLiteral("pending"));
        QCOMPARE(Outbox(*db, Clock::system()).get(first)->attempts, 0);
        QCOMPARE(toString(Outbox(*db, Clock::system()).get(second)->state), QStringLiteral("discarded"));
        service.stop();
    }

    // The sync log's detail pane names agents and groups from the account's directory.
    void syncLogDetailNamesAgents()
    {
        TempStore store;
        auto db = store.open();
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = QStringLiteral("acme.freshdesk.com");
        QVERIFY(IntegrationStore(*db, Clock::system()).insert(i));
        QVERIFY(NameDirectory(*db, Clock::system())
                    .replace(i.provider, i.domain, DirectoryKind::Agent,
                             {DirectoryEntry{200, QStringLiteral("Alex Agent"), QStringLiteral("alex@acme.example")}}));
        QVERIFY(NameDirectory(*db, Clock::system())
                    .replace(i.provider, i.domain, DirectoryKind::Group,
                             {DirectoryEntry{10, QStringLiteral("Billing"), {}}}));
        SyncLogEntry e;
        e.integrationId = i.id;
        e.event = QStringLiteral("case.updated");
        e.changes = {
            {QStringLiteral("assignee_id"), QJsonObject{{QStringLiteral("from"), 7}, {QStringLiteral("to"), 200}}},
            {QStringLiteral("group_id"),
             QJsonObject{{QStringLiteral("from"), QJsonValue()}, {QStringLiteral("to"), 10}}},
            {QStringLiteral("status"), QJsonObject{{QStringLiteral("from"), QStringLiteral("open")},
                                                   {QStringLiteral("to"), QStringLiteral("pending")}}}};
        auto reader = store.open(Database::Access::ReadOnly);
        ui::SyncLogDetailPane pane(reader.get());
        pane.showEntry(&e);
        const QString text = pane.toPlainText();
        QVERIFY2(text.contains(QLatin1String("Alex Agent (200)")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("agent 7 (unknown)")));
        QVERIFY(text.contains(QLatin1String("Billing (10)")));
        QVERIFY(text.contains(QLatin1String("Pending")));
        // The title and the fields read as people do, not as keys.
        QVERIFY2(text.startsWith(QLatin1String("case changed")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Assignee")) && text.contains(QLatin1String("Group")));
        QVERIFY(!text.contains(QLatin1String("case.updated")) && !text.contains(QLatin1String("assignee_id")));
    }

    void helpMenuOpensTheHandbookAndAbout()
    {
        ConsoleSyncProxy service;
        ui::MainWindow window(&service);
        ui::HandbookWindow *handbook = window.helpMenu()->openHandbook();
        auto *browser = handbook->findChild<QTextBrowser *>(QStringLiteral("handbookBrowser"));
        QVERIFY(browser->toPlainText().contains(QLatin1String("Casebridge keeps")));
        QCOMPARE(handbook->currentPage().toString(), QStringLiteral("qrc:/handbook/README.md"));
        handbook->showPage(QStringLiteral("docs/sandbox.md"));
        QVERIFY(browser->toPlainText().contains(QLatin1String("sandbox"), Qt::CaseInsensitive));
        QVERIFY(browser->toPlainText().size() > 1000);
        // Every page reads as prose: no Markdown escape shows through (a "\\|" in a table cell did).
        for (const QString &page :
             {QStringLiteral("README.md"), QStringLiteral("docs/sandbox.md"), QStringLiteral("docs/DESIGN.md")}) {
            handbook->showPage(page);
            QVERIFY2(!browser->toPlainText().contains(QLatin1String("\\|")), qPrintable(page));
        }
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        QVERIFY(handbook->height() <= screen.height() && handbook->width() <= screen.width());
        ui::AboutDialog *about = window.helpMenu()->openAbout();
        const QString version = about->findChild<QLabel *>(QStringLiteral("aboutVersion"))->text();
        QVERIFY(version.contains(QLatin1String(CASEBRIDGE_VERSION)));
        QVERIFY(version.contains(QLatin1String(qVersion())));
        QVERIFY(about->findChild<QLabel *>(QStringLiteral("aboutLicenses"))->text().contains(QLatin1String("LGPL")));
        about->close();
    }

    // A contact event another process recorded (serve, another console) pops on every console, once per call.
    void everyConsolePopsTheCallOnce()
    {
        TempStore store;
        {
            auto writer = store.open();
            QVERIFY(writer);
        }
        ConsoleSyncProxy a;
        ConsoleSyncProxy b;
        QSignalSpy readyA(&a, &ConsoleSyncProxy::storeReady);
        QSignalSpy readyB(&b, &ConsoleSyncProxy::storeReady);
        a.start(store.location(), {});
        b.start(store.location(), {});
        QVERIFY(readyA.wait(10000));
        QVERIFY(readyB.count() > 0 || readyB.wait(10000));
        QSignalSpy popA(&a, &ConsoleSyncProxy::screenPop);
        QSignalSpy popB(&b, &ConsoleSyncProxy::screenPop);
        auto other = store.open(); // the receiving process's connection
        const QJsonObject match{
            {QStringLiteral("phone_e164"), QStringLiteral("+15551234567")},
            {QStringLiteral("customers"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Jo")}}}}};
        QCOMPARE(
            *ScreenPopStore(*other, Clock::system()).record(QStringLiteral("int-1"), QStringLiteral("call-9"), match),
            true);
        QTRY_COMPARE_WITH_TIMEOUT(popA.count(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(popB.count(), 1, 5000);
        QCOMPARE(popA.first().at(1).toString(), QStringLiteral("call-9"));
        QCOMPARE(popA.first().at(2).toJsonObject().value(QStringLiteral("phone_e164")).toString(),
                 QStringLiteral("+15551234567"));
        // The same call again (a repeated event, or a second receiver): recorded once, popped once.
        QCOMPARE(
            *ScreenPopStore(*other, Clock::system()).record(QStringLiteral("int-1"), QStringLiteral("call-9"), match),
            false);
        QVERIFY(other->exec(QStringLiteral("INSERT INTO customers (workspace_id, name, created_at, updated_at) "
                                           "VALUES (1, 'unrelated', 'x', 'x')"))); // any later change
        QTest::qWait(800);
        QCOMPARE(popA.count(), 1);
        QCOMPARE(popB.count(), 1);
        a.stop();
        b.stop();
    }
};

QTEST_MAIN(TestIntegrationAdmin)
#include "tst_integrationadmin.moc"
