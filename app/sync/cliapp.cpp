#include "cliapp.h"

#include "clicontext.h"
#include "commands/commands.h"

#include <QCoreApplication>
#include <QTextStream>

namespace cb::cli {

namespace {
QList<QCommandLineOption> commonOptions()
{
    return {
        QCommandLineOption(QStringLiteral("database"),
                           QStringLiteral("The store: a SQLite file path or postgresql://user@host:port/db."),
                           QStringLiteral("PATH|URL")),
        QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print machine-readable JSON.")),
        QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")),
        QCommandLineOption({QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version.")),
    };
}
} // namespace

CliApp::CliApp()
{
    m_commands << serveCommand() << integrationsCommand();
    m_commands << casesCommand() << caseCommand() << editCommand() << commentCommand() << handoffCommand();
    m_commands << logCommand() << failedCommand() << replayCommand();
    m_commands << connectCommand() << importCommand() << reconcileCommand() << sandboxCommand();
    m_commands << rotateSecretCommand() << rotateKeyCommand() << disconnectCommand() << configureCommand();
}

const CliCommand *CliApp::find(const QString &name) const
{
    for (const CliCommand &c : m_commands) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QString CliApp::helpText() const
{
    QString text;
    QTextStream s(&text);
    s << "Usage: casebridge-sync [--database PATH|URL] [--json] COMMAND [options]\n\n"
         "Casebridge keeps a local case store in two-way sync with a helpdesk (Freshdesk).\n\n"
         "Commands:\n";
    for (const CliCommand &c : m_commands)
        s << "  " << c.synopsis.leftJustified(34) << ' ' << c.summary << '\n';
    s << "\nCommon options (before or after the command):\n"
         "  --database PATH|URL               the store (default: the per-user SQLite file)\n"
         "  --json                            machine-readable output\n"
         "  -h, --help                        this help; COMMAND --help for a command's options\n"
         "  -v, --version                     the version\n\n"
         "Exit codes: 0 ok, 1 runtime failure, 2 usage error, 3 verification or authentication failure.\n";
    return text;
}

int CliApp::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);

    // The command is the first argument that is neither an option nor the value of a value-taking option.
    QString commandName;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--database")) {
            ++i;
            continue;
        }
        if (a.startsWith(QLatin1Char('-')))
            continue;
        commandName = a;
        break;
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(commonOptions());
    const CliCommand *command = commandName.isEmpty() ? nullptr : find(commandName);
    if (command)
        parser.addOptions(command->options);
    if (!parser.parse(arguments)) {
        err << "casebridge-sync: " << parser.errorText() << "; see casebridge-sync --help." << Qt::endl;
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out << "casebridge-sync " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("help")) && command) {
        out << "Usage: casebridge-sync " << command->synopsis << "\n\n" << command->summary << "\n\nOptions:\n";
        for (const QCommandLineOption &o : command->options) {
            const QString names = QStringLiteral("--") + o.names().constLast() +
                                  (o.valueName().isEmpty() ? QString() : QLatin1Char(' ') + o.valueName());
            out << "  " << names.leftJustified(34) << ' ' << o.description() << '\n';
        }
        out.flush();
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("help")) || commandName.isEmpty()) {
        out << helpText();
        out.flush();
        return commandName.isEmpty() && !parser.isSet(QStringLiteral("help")) ? ExitUsage : ExitOk;
    }
    if (!command) {
        err << "casebridge-sync: unknown command '" << commandName << "'; see casebridge-sync --help." << Qt::endl;
        return ExitUsage;
    }
    QStringList positional = parser.positionalArguments();
    positional.removeFirst(); // the command itself
    CliContext ctx(parser, positional);
    return command->run(ctx);
}

} // namespace cb::cli
