#include "common/clock.h"
#include "helpdesk/helpdeskclientfactory.h"
#include "mainwindow.h"
#include "sandbox/sandboxservice.h"
#include "secrets/encryptedsecretstore.h"
#include "secrets/keychainsecretstore.h"
#include "setupwizard.h"
#include "storage/databaselocation.h"
#include "sync/syncservice.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Casebridge"));
    QCoreApplication::setApplicationName(QStringLiteral("casebridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEBRIDGE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.casebridge.Casebridge"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Casebridge console: two-way sync of cases with Freshdesk."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(
        QStringLiteral("database"), QStringLiteral("The store: a SQLite file path or postgresql://user@host:port/db."),
        QStringLiteral("PATH|URL"));
    parser.addOption(database);
    const QCommandLineOption sandbox(QStringLiteral("sandbox"),
                                     QStringLiteral("Start the sandbox helpdesk (a Freshdesk emulator with seeded "
                                                    "tickets) and open the setup wizard prefilled for it."));
    parser.addOption(sandbox);
    parser.process(app);

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
    // Freshdesk clients. The webhook receiver and payload parser are not built yet (issue 4): no events arrive.
    cb::SyncRuntimeFactory runtime = [](cb::Database &db, QNetworkAccessManager &nam) -> cb::Result<cb::SyncRuntime> {
        cb::SyncRuntime r;
        const QByteArray hex = qgetenv("ENCRYPTION_KEY");
        if (!hex.isEmpty()) {
            auto key = cb::EncryptedSecretStore::parseKey(hex);
            if (!key)
                return key.error();
            r.secrets = std::make_unique<cb::EncryptedSecretStore>(db, cb::Clock::system(), *key);
        } else {
            r.secrets = std::make_unique<cb::KeychainSecretStore>();
        }
        r.makeClient = cb::makeHelpdeskClientMaker(&nam);
        r.parser = [](const cb::InboxEvent &) -> cb::Result<cb::WebhookPayload> {
            return cb::Error::make(cb::Error::Kind::Unsupported,
                                   QStringLiteral("This version cannot read webhook bodies yet; replay the event after "
                                                  "upgrading."));
        };
        return r;
    };
    cb::SyncService service(runtime);
    cb::ui::MainWindow window(&service);
    window.show();
    cb::SandboxService sandboxService;
    if (parser.isSet(sandbox)) {
        auto port = sandboxService.start(QHostAddress::LocalHost, 8765, 200);
        if (!port)
            port = sandboxService.start(QHostAddress::LocalHost, 0, 200); // 8765 busy: any free port
        if (!port) {
            QTextStream(stderr) << "casebridge: " << port.error().message << Qt::endl;
        } else {
            const QString domain = QStringLiteral("127.0.0.1:%1").arg(*port);
            QObject::connect(
                &service, &cb::SyncService::storeReady, &window,
                [&window, domain, key = sandboxService.adminKey()] {
                    static bool opened = false;
                    if (opened)
                        return;
                    opened = true;
                    window.openSetupWizard()->prefill(domain, key);
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
