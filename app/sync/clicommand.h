#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

#include <functional>

namespace cb::cli {

class CliContext;

// Exit codes of DESIGN.md §5.2.
enum ExitCode
{
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitAuth = 3
};

// One subcommand: its name, its one-line summary, its own options, and what it does.
struct CliCommand
{
    QString name;
    QString synopsis; // e.g. "integrations"
    QString summary;
    QList<QCommandLineOption> options;
    std::function<int(CliContext &)> run;
};

} // namespace cb::cli
