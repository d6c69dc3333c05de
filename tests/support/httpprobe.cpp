#include "httpprobe.h"

#include <QBuffer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

namespace cb::test {

QByteArray ProbeReply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpProbe::HttpProbe(quint16 port, QByteArray apiKey)
    : m_port(port)
    , m_key(std::move(apiKey))
{}

ProbeReply HttpProbe::get(const QString &pathAndQuery)
{
    return send("GET", pathAndQuery);
}

ProbeReply HttpProbe::send(const QByteArray &method, const QString &pathAndQuery, const QJsonObject &body)
{
    return send(method, pathAndQuery, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ProbeReply HttpProbe::send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                           const QByteArray &contentType)
{
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery), QUrl::StrictMode));
    req.setTransferTimeout(20000);
    if (!m_key.isEmpty())
        req.setRawHeader("Authorization", "Basic " + QByteArray(m_key + ":X").toBase64());
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    auto *buffer = new QBuffer;
    buffer->setData(body);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, buffer);
    buffer->setParent(reply);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    ProbeReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.json = QJsonDocument::fromJson(out.body);
    for (const auto &h : reply->rawHeaderPairs())
        out.headers.append(h);
    reply->deleteLater();
    return out;
}

} // namespace cb::test
