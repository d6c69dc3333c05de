#include "cliapp.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Casebridge"));
    QCoreApplication::setApplicationName(QStringLiteral("casebridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEBRIDGE_VERSION));
    // Errors reach the user as one sentence from the command; module chatter stays out unless asked for.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("casebridge.*.info=false"));
    cb::cli::CliApp cli;
    return cli.run(QCoreApplication::arguments());
}
