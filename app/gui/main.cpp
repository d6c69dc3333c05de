#include "mainwindow.h"
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

    cb::SyncService service;
    cb::ui::MainWindow window(&service);
    window.show();
    window.openStore(location);
    const int rc = app.exec();
    service.stop();
    return rc;
}
