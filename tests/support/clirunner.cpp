#include "clirunner.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace cb::test {

QString cliPath()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("CB_SYNC_BIN"),
                                                          QStringLiteral(CB_BINARY_DIR "/bin/casebridge-sync"));
}

CliResult runCli(const QStringList &args, const QByteArray &input, int timeoutMs)
{
    QProcess p;
    p.start(cliPath(), args);
    CliResult r;
    if (!p.waitForStarted(10000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace cb::test
