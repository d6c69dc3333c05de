#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace cb::test {

// A long-running casebridge-sync command (`serve`, `sandbox`) as a child process on a free loopback port, read
// back from the JSON object it prints at start (--json).
class ServeProcess
{
public:
    ~ServeProcess();
    // Starts serve on the store with extra arguments; false (with a warning) when it did not come up.
    bool start(const QString &database, const QStringList &extra = {},
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    // Any command; `urlKey` names the JSON key holding its base URL ("listen" for serve, "url" for sandbox).
    bool startCommand(const QStringList &args, const QString &urlKey,
                      const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    const QJsonObject &startupJson() const { return m_json; }
    quint16 port() const { return m_port; }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QProcess &process() { return m_process; }
    // SIGTERM and wait; the exit code (-1 when it crashed or did not stop in time).
    int terminate(int timeoutMs = 20000);
    void kill();

private:
    QProcess m_process;
    quint16 m_port = 0;
    QJsonObject m_json;
};

} // namespace cb::test
