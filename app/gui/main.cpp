#include "common/clock.h"
#include "helpdesk/helpdeskclientfactory.h"
#include "mainwindow.h"
#include "secrets/encryptedsecretstore.h"
#include "secrets/keychainsecretstore.h"
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
    window.openStore(location);
    const int rc = app.exec();
    service.stop();
    return rc;
}
