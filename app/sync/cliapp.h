#pragma once

#include "clicommand.h"

#include <QStringList>

namespace cb::cli {

// Parses `casebridge-sync [common options] COMMAND [options]` (common options also after the command) and runs it.
class CliApp
{
public:
    CliApp();
    int run(const QStringList &arguments);

private:
    QString helpText() const;
    const CliCommand *find(const QString &name) const;

    QList<CliCommand> m_commands;
};

} // namespace cb::cli
