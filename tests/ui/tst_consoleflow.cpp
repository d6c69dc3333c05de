#include "accountpage.h"
#include "casesmodel.h"
#include "common/clock.h"
#include "domain/integrationsettings.h"
#include "http/httphost.h"
#include "mainwindow.h"
#include "realclientruntime.h"
#include "sandbox/sandboxaccount.h"
#include "sandbox/sandboxhelpdesk.h"
#include "sandbox/sandboxservice.h"
#include "secretrevealdialog.h"
#include "setupwizard.h"
#include "sync/consolesyncproxy.h"
#include "tempstore.h"
#include "wizardpageids.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace cb;
using namespace cb::test;

// A newcomer's path: connect the sandbox helpdesk in the wizard, see the secret once, find the backfilled cases.
class TestConsoleFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wizardAgainstTheSandbox()
    {
        QNetworkAccessManager sandboxNam;
        SandboxHelpdesk sandbox(&sandboxNam);
        sandbox.setPlan({QStringLiteral("test"), 100000, 100000, 100000, 60000});
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 5; ++i)
            sandbox.account().createTicket(QStringLiteral("Ticket %1").arg(i),
                                           QStringLiteral("c%1@acme.example").arg(i), now.addDays(-i));
        HttpHost server(&sandbox);
        const quint16 port = *server.listen(QHostAddress::LocalHost, 0);

        TempStore store;
        ConsoleSyncProxy service(realClientRuntime());
        ui::MainWindow window(&service);
        window.show();
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        window.openStore(store.location());
        QVERIFY(ready.wait(10000));

        ui::SetupWizard *wizard = window.openSetupWizard();
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        // A wrong key first: an inline error, Next stays disabled, nothing stored.
        wizard->prefill(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("wrong-key"));
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("verifyButton")), Qt::LeftButton);
        auto *status = wizard->findChild<QLabel *>(QStringLiteral("verifyStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("rejected")), 10000);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        wizard->prefill(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("sandbox-agent-key"));
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("verifyButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("not an administrator")), 10000);
        wizard->prefill(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("sandbox-admin-key"));
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("verifyButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 10000);
        QVERIFY(status->text().contains(QLatin1String("Sandy Admin")));
        // The hand-off goes to an agent picked by name from the verified account (no id to look up).
        while (wizard->currentId() != ui::HandoffPageId)
            QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        auto *agentChoice = wizard->findChild<QRadioButton *>(QStringLiteral("handoffAgent"));
        QTest::mouseClick(agentChoice, Qt::LeftButton, {}, QPoint(10, agentChoice->height() / 2));
        auto *picker = wizard->findChild<QComboBox *>(QStringLiteral("handoffTargetCombo"));
        QTRY_VERIFY_WITH_TIMEOUT(picker->findText(QStringLiteral("Alex Agent (alex@sandbox.test)")) >= 0, 10000);
        QVERIFY(picker->isVisible());
        QVERIFY(!wizard->findChild<QLineEdit *>(QStringLiteral("handoffTargetEdit"))->isVisible());
        // Not the agent Casebridge signs in as: a hand-off gives the ticket to people.
        QCOMPARE(picker->findText(QStringLiteral("Sandy Admin"), Qt::MatchStartsWith), -1);
        picker->setCurrentIndex(picker->findText(QStringLiteral("Alex Agent (alex@sandbox.test)")));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        while (wizard->currentId() != wizard->pageIds().constLast())
            QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

        // The one-time secret modal appears; it closes only after the check.
        ui::SecretRevealDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<ui::SecretRevealDialog *>()) != nullptr, 10000);
        QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("secret"))->text().size() >= 43);
        dialog->findChild<QCheckBox *>(QStringLiteral("storedCheck"))->setChecked(true);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")), Qt::LeftButton);

        // The backfill imported the open tickets; the Cases tab shows them.
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
        QCOMPARE(tabs->count(), 4);
        auto *table = window.findChild<QTableView *>(QStringLiteral("casesTable"));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 5, 10000);
        auto reader = store.open(Database::Access::ReadOnly);
        QVERIFY(reader);
        auto settings = reader->scalar(QStringLiteral("SELECT settings FROM integrations"));
        QVERIFY(settings);
        const IntegrationSettings stored =
            IntegrationSettings::fromJson(QJsonDocument::fromJson(settings->toString().toUtf8()).object());
        QCOMPARE(stored.handoff, IntegrationSettings::HandoffMode::AssignAgent);
        QCOMPARE(stored.handoffTargetId.value_or(0), SandboxAccount().agentId);
        service.stop();
    }

    // The same path against `casebridge --sandbox-provider freshservice`'s sandbox (its own thread, Freshservice's
    // shapes): the person picks Freshservice, verifies, and gets Workflow Automator instructions.
    void freshserviceWizardAgainstTheSandboxService()
    {
        SandboxService sandbox(QStringLiteral("freshservice"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto port = sandbox.start(QHostAddress::LocalHost, 0, 0, [now](SandboxHelpdesk &s) {
            s.setPlan({QStringLiteral("test"), 100000, 100000, 100000, 60000});
            for (int i = 0; i < 5; ++i)
                s.account().createTicket(QStringLiteral("Laptop %1 will not boot").arg(i),
                                         QStringLiteral("e%1@acme.example").arg(i), now.addDays(-i));
        });
        QVERIFY(port);

        TempStore store;
        ConsoleSyncProxy service(realClientRuntime());
        ui::MainWindow window(&service);
        window.show();
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        window.openStore(store.location());
        QVERIFY(ready.wait(10000));

        ui::SetupWizard *wizard = window.openSetupWizard();
        auto *freshservice = wizard->findChild<QRadioButton *>(QStringLiteral("providerFreshservice"));
        QTest::mouseClick(freshservice, Qt::LeftButton, {}, QPoint(10, freshservice->height() / 2));
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QVERIFY(wizard->currentPage()->title().contains(QLatin1String("Freshservice")));
        wizard->prefill(QStringLiteral("127.0.0.1:%1").arg(*port), sandbox.adminKey());
        QTest::mouseClick(wizard->findChild<QPushButton *>(QStringLiteral("verifyButton")), Qt::LeftButton);
        auto *status = wizard->findChild<QLabel *>(QStringLiteral("verifyStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 10000);
        QVERIFY2(status->text().contains(QLatin1String("Sandy Admin")), qPrintable(status->text()));
        while (wizard->currentId() != wizard->pageIds().constLast())
            QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);

        ui::SecretRevealDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<ui::SecretRevealDialog *>()) != nullptr, 10000);
        const QString url = dialog->findChild<QLineEdit *>(QStringLiteral("webhookUrl"))->text();
        QVERIFY2(url.contains(QLatin1String("/api/webhooks/freshservice/")), qPrintable(url));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("secretWarning"))
                    ->text()
                    .contains(QLatin1String("Workflow Automator")));
        dialog->findChild<QCheckBox *>(QStringLiteral("storedCheck"))->setChecked(true);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")), Qt::LeftButton);

        auto *table = window.findChild<QTableView *>(QStringLiteral("casesTable"));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 5, 10000);
        QVERIFY(sandbox.stats().value(QStringLiteral("api_calls")).toInt() > 0);
        service.stop();
        sandbox.stop();
    }
};

QTEST_MAIN(TestConsoleFlow)
#include "tst_consoleflow.moc"
