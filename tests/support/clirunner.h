#pragma once

#include <QByteArray>
#include <QStringList>

namespace cb::test {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the real casebridge-sync binary (path from CB_SYNC_BIN) with the given arguments and optional stdin.
CliResult runCli(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 60000);
QString cliPath();

} // namespace cb::test
