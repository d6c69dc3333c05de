#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace cb {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// A request copied out of the HTTP server (6.4 reuses its request object per connection), safe to keep
// across co_await.
struct HttpRequest
{
    QByteArray method; // upper case: GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS
    QString path;      // decoded
    QUrlQuery query;
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    QHostAddress remoteAddress;

    // Case-insensitive; repeated headers joined with ", ".
    QByteArray header(const QByteArray &name) const;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    HttpHeaders headers;

    static HttpResponse json(int status, const QJsonObject &body);
    static HttpResponse json(int status, const QJsonArray &body);
    static HttpResponse text(int status, const QByteArray &body, const QByteArray &contentType = "text/plain");
    static HttpResponse empty(int status);
    // Closes the connection without answering (fault injection, abusive clients). Status 0.
    static HttpResponse dropConnection();
    bool dropsConnection() const { return status == 0; }
    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value);
};

} // namespace cb
