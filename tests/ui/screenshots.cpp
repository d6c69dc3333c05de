// Renders each main screen and dialog of the console to PNG (QWidget::grab), against the in-process sandbox
// helpdesk, for review and documentation. Not a test: run by tests/ui/screenshots.sh under xvfb-run.
// Usage: cb_screenshots OUTDIR [de]

#include "aboutdialog.h"
#include "common/clock.h"
#include "handbookwindow.h"
#include "helpmenu.h"
#include "http/httphost.h"
#include "importdialog.h"
#include "integrationsettingsdialog.h"
#include "mainwindow.h"
#include "realclientruntime.h"
#include "rotatekeydialog.h"
#include "sandbox/sandboxhelpdesk.h"
#include "secretrevealdialog.h"
#include "setupwizard.h"
#include "storage/inbox.h"
#include "storage/synclog.h"
#include "sync/consolesyncproxy.h"
#include "tempstore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>

using namespace cb;

namespace {

bool save(QWidget *w, const QString &dir, const QString &name)
{
    QCoreApplication::processEvents();
    QTest::qWait(150);
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    const bool ok = w->grab().save(path);
    QTextStream(stdout) << (ok ? "wrote " : "FAILED ") << path << Qt::endl;
    return ok;
}

bool wait(QSignalSpy &spy, int ms = 15000)
{
    return !spy.isEmpty() || spy.wait(ms);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
    QDir().mkpath(out);
    QTranslator translator;
    if (argc > 2 && translator.load(QLocale(QString::fromLocal8Bit(argv[2])), QStringLiteral("casebridge"),
                                    QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QNetworkAccessManager sandboxNam;
    SandboxHelpdesk sandbox(&sandboxNam);
    sandbox.setPlan({QStringLiteral("demo"), 100000, 100000, 100000, 60000});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 12; ++i)
        sandbox.account().createTicket(QStringLiteral("Printer on floor %1 jams").arg(i + 1),
                                       QStringLiteral("customer%1@acme.example").arg(i), now.addDays(-i));
    HttpHost server(&sandbox);
    const quint16 port = *server.listen(QHostAddress::LocalHost, 0);

    test::TempStore store;
    ConsoleSyncProxy service(test::realClientRuntime());
    ui::MainWindow window(&service);
    window.resize(1200, 760);
    window.show();
    int failures = 0;
    failures += !save(&window, out, QStringLiteral("01-opening"));

    QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
    window.openStore(store.location());
    if (!wait(ready))
        return 1;
    ui::SetupWizard *wizard = window.openSetupWizard();
    failures += !save(wizard, out, QStringLiteral("02-wizard-provider"));
    wizard->next();
    wizard->prefill(QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("sandbox-admin-key"));
    failures += !save(wizard, out, QStringLiteral("03-wizard-account"));
    wizard->close();
    {
        // The account page as a Freshservice admin sees it (empty, so the domain example shows).
        ui::SetupWizard freshservice(&window);
        freshservice.setProvider(QStringLiteral("freshservice"));
        freshservice.show();
        freshservice.next();
        failures += !save(&freshservice, out, QStringLiteral("03b-wizard-account-freshservice"));
    }

    QSignalSpy connected(&service, &ConsoleSyncProxy::connected);
    QSignalSpy imported(&service, &ConsoleSyncProxy::importFinished);
    ConnectRequest req;
    req.domain = QStringLiteral("127.0.0.1:%1").arg(port);
    req.apiKey = "sandbox-admin-key";
    service.connectIntegration(req, true);
    if (!wait(connected) || !wait(imported))
        return 1;
    QTest::qWait(300);
    if (auto *secret = window.findChild<ui::SecretRevealDialog *>()) {
        failures += !save(secret, out, QStringLiteral("04-secret-once"));
        secret->findChild<QCheckBox *>(QStringLiteral("storedCheck"))->setChecked(true);
        secret->accept();
    }
    {
        // The same modal for a Freshservice integration: Workflow Automator wording and payloads.
        WebhookSetupInfo info = connected.first().at(0).value<WebhookSetupInfo>();
        info.provider = QStringLiteral("freshservice");
        info.webhookUrl =
            IntegrationManager::webhookUrl(QStringLiteral("http://127.0.0.1:8780"), info.integrationId, info.provider);
        info.rulePayloads = IntegrationManager::rulePayloads(info.provider);
        ui::SecretRevealDialog freshservice(info, &window);
        freshservice.show();
        failures += !save(&freshservice, out, QStringLiteral("04b-secret-once-freshservice"));
        freshservice.findChild<QCheckBox *>(QStringLiteral("storedCheck"))->setChecked(true);
        freshservice.accept();
    }
    {
        // Some history for the log and the failed-events tabs.
        auto writer = store.open();
        SyncLog log(*writer, Clock::system());
        SyncLogEntry e;
        e.integrationId = connected.first().at(0).value<WebhookSetupInfo>().integrationId;
        e.ticketId = 3;
        e.caseId = 1;
        e.direction = SyncDirection::Outbound;
        e.source = ChangeSource::User;
        e.event = QStringLiteral("ticket.update");
        e.changes =
            QJsonObject{{QStringLiteral("priority"), QJsonObject{{QStringLiteral("from"), QStringLiteral("low")},
                                                                 {QStringLiteral("to"), QStringLiteral("urgent")}}}};
        e.result = SyncResult::Failed;
        e.latencyMs = 812;
        e.error = QStringLiteral("Freshdesk answered 503 Service Unavailable; the push is retried in 30 s.");
        const qint64 last = *log.append(e);
        Inbox inbox(*writer, Clock::system());
        for (int i = 0; i < 3; ++i) {
            InboxEvent ev;
            ev.integrationId = e.integrationId;
            ev.eventKey = QStringLiteral("demo-%1").arg(i);
            ev.body = "{}";
            const qint64 id = inbox.insert(ev)->eventId;
            (void)inbox.markFailed(id, QStringLiteral("Ticket %1 was deleted in Freshdesk (404).").arg(100 + i),
                                   i == 0);
        }
        Q_EMIT service.logAppended(last);
    }
    QSignalSpy health(&service, &ConsoleSyncProxy::healthChanged);
    health.wait(5000); // the health table fills on the sync thread's next report
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("mainTabs"));
    const QStringList names = {QStringLiteral("05-overview"), QStringLiteral("06-cases"), QStringLiteral("07-sync-log"),
                               QStringLiteral("08-failed-events")};
    for (int i = 0; i < tabs->count() && i < names.size(); ++i) {
        tabs->setCurrentIndex(i);
        if (i == 2) {
            auto *table = window.findChild<QTableView *>(QStringLiteral("syncLogTable"));
            table->selectRow(0);
        }
        failures += !save(&window, out, names.at(i));
    }

    ui::ImportDialog *dialog = window.openImportDialog();
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("ticketIdsEdit"))
        ->setPlainText(QStringLiteral("1, 2, https://acme.freshdesk.com/a/tickets/3\nfour 5"));
    failures += !save(dialog, out, QStringLiteral("09-import-by-ids-invalid"));
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("ticketIdsEdit"))
        ->setPlainText(QStringLiteral("1, 2, https://acme.freshdesk.com/a/tickets/3\n5 999999"));
    QSignalSpy finished(&service, &ConsoleSyncProxy::importFinished);
    finished.clear();
    dialog->findChild<QPushButton *>(QStringLiteral("startButton"))->click();
    wait(finished);
    failures += !save(dialog, out, QStringLiteral("10-import-summary"));
    dialog->findChild<QTabWidget *>(QStringLiteral("importTabs"))->setCurrentIndex(1);
    failures += !save(dialog, out, QStringLiteral("11-import-by-filter"));
    dialog->close();

    // Administration: settings with names from the account, a new key, Help.
    const QString integrationId = connected.first().at(0).value<WebhookSetupInfo>().integrationId;
    QSignalSpy adminDone(&service, &ConsoleSyncProxy::adminDone);
    service.refreshDirectory(integrationId);
    wait(adminDone);
    ui::IntegrationSettingsDialog *settings = window.openSettingsDialog(integrationId);
    auto *handoff = settings->findChild<QComboBox *>(QStringLiteral("handoffCombo"));
    handoff->setCurrentIndex(handoff->findData(int(IntegrationSettings::HandoffMode::AssignAgent)));
    settings->findChild<QRadioButton *>(QStringLiteral("commentsPrivate"))->setChecked(true);
    failures += !save(settings, out, QStringLiteral("12-settings"));
    ui::RotateKeyDialog *rotate = window.openRotateKeyDialog(integrationId);
    failures += !save(rotate, out, QStringLiteral("13-new-api-key"));
    rotate->close();
    settings->close();
    ui::AboutDialog *about = window.helpMenu()->openAbout();
    failures += !save(about, out, QStringLiteral("14-about"));
    about->close();
    failures += !save(window.helpMenu()->openHandbook(), out, QStringLiteral("15-handbook"));
    service.stop();
    return failures == 0 ? 0 : 1;
}
