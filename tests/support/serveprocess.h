#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace cb::test {

// `casebridge-sync serve` as a child process on a free loopback port (read back from its --json line).
class ServeProcess
{
public:
    ~ServeProcess();
    // Starts serve on the store with extra arguments; false (with a warning) when it did not come up.
    bool start(const QString &database, const QStringList &extra = {},
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    quint16 port() const { return m_port; }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QProcess &process() { return m_process; }
    // SIGTERM and wait; the exit code (-1 when it crashed or did not stop in time).
    int terminate(int timeoutMs = 20000);
    void kill();

private:
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace cb::test
