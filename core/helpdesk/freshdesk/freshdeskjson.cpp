#include "freshdeskjson.h"

#include <QJsonArray>

namespace cb {

std::optional<qint64> FreshdeskJson::optionalId(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toInteger();
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

QDateTime FreshdeskJson::time(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.toUTC();
}

Ticket FreshdeskJson::ticket(const QJsonObject &o)
{
    Ticket t;
    t.id = o.value(QStringLiteral("id")).toInteger();
    t.subject = o.value(QStringLiteral("subject")).toString();
    t.descriptionHtml = o.value(QStringLiteral("description")).toString();
    t.descriptionText = o.value(QStringLiteral("description_text")).toString();
    t.status = o.value(QStringLiteral("status")).toInt(2);
    t.priority = o.value(QStringLiteral("priority")).toInt(1);
    t.source = o.value(QStringLiteral("source")).toInt();
    t.responderId = optionalId(o.value(QStringLiteral("responder_id")));
    t.groupId = optionalId(o.value(QStringLiteral("group_id")));
    t.requesterId = optionalId(o.value(QStringLiteral("requester_id")));
    t.companyId = optionalId(o.value(QStringLiteral("company_id")));
    for (const QJsonValue &tag : o.value(QStringLiteral("tags")).toArray())
        t.tags << tag.toString();
    t.spam = o.value(QStringLiteral("spam")).toBool();
    t.deleted = o.value(QStringLiteral("deleted")).toBool();
    t.createdAt = time(o.value(QStringLiteral("created_at")));
    t.updatedAt = time(o.value(QStringLiteral("updated_at")));
    const QJsonObject requester = o.value(QStringLiteral("requester")).toObject();
    t.requesterName = requester.value(QStringLiteral("name")).toString();
    t.requesterEmail = requester.value(QStringLiteral("email")).toString().toLower();
    t.requesterPhone = requester.value(QStringLiteral("phone")).toString();
    t.requesterMobile = requester.value(QStringLiteral("mobile")).toString();
    if (t.requesterPhone.isEmpty())
        t.requesterPhone = t.requesterMobile;
    t.channel = channelOf(t.source);
    t.raw = o;
    return t;
}

QString FreshdeskJson::channelOf(int source)
{
    switch (source) {
    case 1:
        return QStringLiteral("email");
    case 2:
        return QStringLiteral("portal");
    case 3:
        return QStringLiteral("phone");
    case 4:
        return QStringLiteral("forum");
    case 5:
        return QStringLiteral("twitter");
    case 6:
        return QStringLiteral("facebook");
    case 7:
        return QStringLiteral("chat");
    case 8:
        return QStringLiteral("mobihelp");
    case 9:
        return QStringLiteral("feedback_widget");
    case 10:
        return QStringLiteral("outbound_email");
    default:
        return source > 0 ? QStringLiteral("source-%1").arg(source) : QString();
    }
}

Conversation FreshdeskJson::conversation(const QJsonObject &o)
{
    Conversation c;
    c.id = o.value(QStringLiteral("id")).toInteger();
    c.ticketId = o.value(QStringLiteral("ticket_id")).toInteger();
    c.body = o.value(QStringLiteral("body")).toString();
    c.bodyText = o.value(QStringLiteral("body_text")).toString();
    c.isPrivate = o.value(QStringLiteral("private")).toBool();
    c.incoming = o.value(QStringLiteral("incoming")).toBool();
    c.source = o.value(QStringLiteral("source")).toInt();
    c.userId = optionalId(o.value(QStringLiteral("user_id")));
    c.createdAt = time(o.value(QStringLiteral("created_at")));
    c.updatedAt = time(o.value(QStringLiteral("updated_at")));
    return c;
}

HelpdeskContact FreshdeskJson::contact(const QJsonObject &o)
{
    HelpdeskContact c;
    c.id = o.value(QStringLiteral("id")).toInteger();
    c.name = o.value(QStringLiteral("name")).toString();
    c.email = o.value(QStringLiteral("email")).toString().toLower();
    c.phone = o.value(QStringLiteral("phone")).toString();
    c.mobile = o.value(QStringLiteral("mobile")).toString();
    c.companyId = optionalId(o.value(QStringLiteral("company_id")));
    return c;
}

HelpdeskAgent FreshdeskJson::agent(const QJsonObject &o)
{
    HelpdeskAgent a;
    a.id = o.value(QStringLiteral("id")).toInteger();
    const QJsonObject contact = o.value(QStringLiteral("contact")).toObject();
    a.name = contact.value(QStringLiteral("name")).toString();
    a.email = contact.value(QStringLiteral("email")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("group_ids")).toArray())
        a.groupIds << v.toInteger();
    for (const QJsonValue &v : o.value(QStringLiteral("role_ids")).toArray())
        a.roleIds << v.toInteger();
    return a;
}

HelpdeskCompany FreshdeskJson::company(const QJsonObject &o)
{
    HelpdeskCompany c;
    c.id = o.value(QStringLiteral("id")).toInteger();
    c.name = o.value(QStringLiteral("name")).toString();
    for (const QJsonValue &d : o.value(QStringLiteral("domains")).toArray())
        c.domains << d.toString().toLower();
    return c;
}

HelpdeskGroup FreshdeskJson::group(const QJsonObject &o)
{
    return {o.value(QStringLiteral("id")).toInteger(), o.value(QStringLiteral("name")).toString()};
}

QString FreshdeskJson::validationSummary(const QJsonObject &body)
{
    QStringList parts;
    for (const QJsonValue &e : body.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject err = e.toObject();
        parts << QStringLiteral("%1: %2").arg(err.value(QStringLiteral("field")).toString(),
                                              err.value(QStringLiteral("message")).toString());
    }
    if (parts.isEmpty())
        return body.value(QStringLiteral("message")).toString(body.value(QStringLiteral("description")).toString());
    return parts.join(QStringLiteral("; "));
}

} // namespace cb
