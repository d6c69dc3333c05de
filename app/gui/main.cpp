#include "consoletranslations.h"
#include "mainwindow.h"
#include "sandbox/sandboxservice.h"
#include "sandboxmenu.h"
#include "storage/databaselocation.h"
#include "sync/consolesyncproxy.h"
#include "sync/defaultsyncplatform.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
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

    // The sync thread's platform pieces: keys in the keychain (or encrypted under ENCRYPTION_KEY when set; the
    // built-in sandbox's published key in the store, so a first run without either still connects it), real
    // Freshdesk clients, the webhook payload parser and the receiver on 127.0.0.1:8780.
    cb::ConsoleSyncProxy service(cb::makeDefaultSyncPlatform());
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
            // automation rules in it, so its webhooks reach this console; the wizard opens while nothing is connected.
            cb::ui::SandboxMenu::install(&window, &service, &sandboxService, domain);
        }
    }
    window.openStore(location);
    const int rc = app.exec();
    service.stop();
    sandboxService.stop();
    return rc;
}
