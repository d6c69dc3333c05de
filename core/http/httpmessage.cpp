#include "httpmessage.h"

#include <QJsonDocument>

namespace cb {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    QByteArray value;
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            if (!value.isEmpty())
                value += ", ";
            value += h.second;
        }
    }
    return value;
}

HttpResponse HttpResponse::json(int status, const QJsonObject &body)
{
    return {status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

HttpResponse HttpResponse::json(int status, const QJsonArray &body)
{
    return {status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

HttpResponse HttpResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    return {status, contentType, body, {}};
}

HttpResponse HttpResponse::empty(int status)
{
    return {status, {}, {}, {}};
}

HttpResponse HttpResponse::dropConnection()
{
    return {0, {}, {}, {}};
}

HttpResponse &HttpResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

} // namespace cb
