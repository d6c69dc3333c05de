#include "serveprocess.h"

#include "clirunner.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QtDebug>

namespace cb::test {

ServeProcess::~ServeProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
}

bool ServeProcess::start(const QString &database, const QStringList &extra, const QProcessEnvironment &env)
{
    return startCommand(QStringList{QStringLiteral("--database"), database, QStringLiteral("--json"),
                                    QStringLiteral("serve"), QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:0")} +
                            extra,
                        QStringLiteral("listen"), env);
}

bool ServeProcess::startCommand(const QStringList &args, const QString &urlKey, const QProcessEnvironment &env)
{
    m_process.setProcessEnvironment(env);
    m_process.start(cliPath(), args);
    if (!m_process.waitForStarted(10000)) {
        qWarning() << args << "did not start:" << m_process.errorString();
        return false;
    }
    QByteArray out;
    QElapsedTimer t;
    t.start();
    QJsonObject o;
    while (t.elapsed() < 20000 && o.isEmpty()) {
        if (!m_process.waitForReadyRead(200) && m_process.state() == QProcess::NotRunning)
            break;
        out += m_process.readAllStandardOutput();
        o = QJsonDocument::fromJson(out).object(); // the --json object, complete once it parses
    }
    m_json = o;
    const int port = QUrl(o.value(urlKey).toString()).port();
    m_port = port > 0 ? quint16(port) : 0;
    if (m_port == 0)
        qWarning() << args << "did not report its port:" << out << m_process.readAllStandardError();
    return m_port != 0;
}

int ServeProcess::terminate(int timeoutMs)
{
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        kill();
        return -1;
    }
    if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0)
        qWarning() << "child ended with" << m_process.exitStatus() << m_process.exitCode()
                   << m_process.readAllStandardError().right(2000);
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void ServeProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
}

} // namespace cb::test
