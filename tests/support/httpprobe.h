#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>

namespace cb::test {

struct ProbeReply
{
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QJsonDocument json;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray &name) const;
    QJsonObject object() const { return json.object(); }
};

// Plain HTTP calls to a loopback server for tests (waits in a local event loop): Basic `key:X` auth when a key
// is given, JSON bodies.
class HttpProbe
{
public:
    explicit HttpProbe(quint16 port, QByteArray apiKey = "sandbox-admin-key");

    ProbeReply get(const QString &pathAndQuery);
    ProbeReply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                    const QByteArray &contentType = "application/json");
    ProbeReply send(const QByteArray &method, const QString &pathAndQuery, const QJsonObject &body);

private:
    QNetworkAccessManager m_nam;
    quint16 m_port;
    QByteArray m_key;
};

} // namespace cb::test
