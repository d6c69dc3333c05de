#include "casesview.h"
#include "consoletranslations.h"
#include "mainwindow.h"
#include "sandbox/sandboxservice.h"
#include "sandboxmenu.h"
#include "setupwizard.h"
#include "storage/databaselocation.h"
#include "sync/defaultsyncruntime.h"
#include "sync/syncservice.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Casebridge"));
    QCoreApplication::setApplicationName(QStringLiteral("casebridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEBRIDGE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.casebridge.Casebridge"));

    // The console's own strings and Qt's (wizard and dialog buttons), both in the system locale.
    cb::ui::ConsoleTranslations::install(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Casebridge console: two-way sync of cases with Freshdesk or Freshservice."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(
        QStringLiteral("database"), QStringLiteral("The store: a SQLite file path or postgresql://user@host:port/db."),
        QStringLiteral("PATH|URL"));
    parser.addOption(database);
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        QStringLiteral("Start the sandbox helpdesk (a Freshdesk or Freshservice emulator with seeded tickets, see "
                       "--sandbox-provider) and open the setup wizard prefilled for it."));
    parser.addOption(sandbox);
    const QCommandLineOption sandboxProvider(
        QStringLiteral("sandbox-provider"),
        QStringLiteral("The API the sandbox emulates: freshdesk (default) or freshservice. Implies --sandbox."),
        QStringLiteral("freshdesk|freshservice"));
    parser.addOption(sandboxProvider);
    parser.process(app);

    const QString provider =
        parser.isSet(sandboxProvider) ? parser.value(sandboxProvider) : QStringLiteral("freshdesk");
    if (!cb::SandboxService::isProvider(provider)) {
        QTextStream(stderr) << "casebridge: --sandbox-provider takes freshdesk or freshservice, not '" << provider
                            << "'." << Qt::endl;
        return 2;
    }

    cb::DatabaseLocation location = cb::DatabaseLocation::defaultLocation();
    if (parser.isSet(database)) {
        auto parsed = cb::DatabaseLocation::parse(parser.value(database));
        if (!parsed) {
            QTextStream(stderr) << "casebridge: " << parsed.error().message << Qt::endl;
            return 2;
        }
        location = *parsed;
    }

    // The sync thread's platform pieces: keys in the keychain (or encrypted under ENCRYPTION_KEY when set), real
    // Freshdesk clients, the webhook payload parser and the receiver on 127.0.0.1:8780.
    cb::SyncService service(cb::makeDefaultSyncRuntime());
    cb::ui::MainWindow window(&service);
    window.show();
    cb::SandboxService sandboxService(provider);
    if (parser.isSet(sandbox) || parser.isSet(sandboxProvider)) {
        auto port = sandboxService.start(QHostAddress::LocalHost, 8765, 200);
        if (!port)
            port = sandboxService.start(QHostAddress::LocalHost, 0, 200); // 8765 busy: any free port
        if (!port) {
            QTextStream(stderr) << "casebridge: " << port.error().message << Qt::endl;
        } else {
            const QString domain = QStringLiteral("127.0.0.1:%1").arg(*port);
            // The Sandbox menu acts in the helpdesk as its people would; connecting the sandbox registers its
            // automation rules in it, so its webhooks reach this console.
            auto *menu = new cb::ui::SandboxMenu(
                &sandboxService, domain,
                [&window]() -> std::optional<qint64> {
                    auto *cases = window.findChild<cb::ui::CasesView *>();
                    return cases ? cases->selectedTicketId() : std::nullopt;
                },
                &window);
            window.menuBar()->addMenu(menu);
            QObject::connect(&service, &cb::SyncService::connected, menu, &cb::ui::SandboxMenu::handleConnected);
            QObject::connect(&service, &cb::SyncService::secretRotated, menu, &cb::ui::SandboxMenu::handleConnected);
            QObject::connect(menu, &cb::ui::SandboxMenu::done, &window,
                             [&window](const QString &m) { window.statusBar()->showMessage(m, 15000); });
            // The wizard opens by itself only while nothing is connected (not again after a restart).
            QObject::connect(
                &service, &cb::SyncService::storeReady, &window,
                [&window, domain, key = sandboxService.adminKey(), provider](const cb::StoreSummary &summary) {
                    static bool opened = false;
                    if (opened || summary.integrations > 0)
                        return;
                    opened = true;
                    cb::ui::SetupWizard *wizard = window.openSetupWizard();
                    wizard->setProvider(provider);
                    wizard->prefill(domain, key);
                },
                Qt::QueuedConnection);
        }
    }
    window.openStore(location);
    const int rc = app.exec();
    service.stop();
    sandboxService.stop();
    return rc;
}
