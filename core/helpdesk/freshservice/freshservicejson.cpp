#include "freshservicejson.h"

#include "helpdesk/freshdesk/freshdeskjson.h"

#include <QJsonArray>

namespace cb {

namespace {
QString fullName(const QJsonObject &o)
{
    const QString first = o.value(QStringLiteral("first_name")).toString();
    const QString last = o.value(QStringLiteral("last_name")).toString();
    const QString joined = QString(first + QLatin1Char(0x20) + last).trimmed();
    return joined.isEmpty() ? o.value(QStringLiteral("name")).toString() : joined;
}
} // namespace

QJsonValue FreshserviceJson::unwrap(const QJsonDocument &doc, const QString &key)
{
    if (!doc.isObject())
        return QJsonValue(QJsonValue::Undefined);
    return doc.object().value(key);
}

Ticket FreshserviceJson::ticket(const QJsonObject &o)
{
    Ticket t = FreshdeskJson::ticket(o);
    t.channel = channelOf(t.source);
    if (const auto department = FreshdeskJson::optionalId(o.value(QStringLiteral("department_id"))))
        t.companyId = department;
    const QJsonObject requester = o.value(QStringLiteral("requester")).toObject();
    if (!requester.isEmpty()) {
        const HelpdeskContact person = FreshserviceJson::requester(requester);
        if (!person.name.isEmpty())
            t.requesterName = person.name;
        if (!person.email.isEmpty())
            t.requesterEmail = person.email;
        if (!person.phone.isEmpty())
            t.requesterPhone = person.phone;
        if (!person.mobile.isEmpty())
            t.requesterMobile = person.mobile;
        if (t.requesterPhone.isEmpty())
            t.requesterPhone = t.requesterMobile;
    }
    static const QStringList own = {QStringLiteral("urgency"),          QStringLiteral("impact"),
                                    QStringLiteral("department_id"),    QStringLiteral("category"),
                                    QStringLiteral("sub_category"),     QStringLiteral("item_category"),
                                    QStringLiteral("requested_for_id"), QStringLiteral("workspace_id")};
    for (const QString &key : own) {
        if (o.contains(key))
            t.providerFields.insert(key, o.value(key));
    }
    return t;
}

QString FreshserviceJson::channelOf(int source)
{
    switch (source) {
    case 1:
        return QStringLiteral("email");
    case 2:
        return QStringLiteral("portal");
    case 3:
        return QStringLiteral("phone");
    case 4:
        return QStringLiteral("chat");
    case 5:
        return QStringLiteral("feedback_widget");
    case 6:
        return QStringLiteral("yammer");
    case 7:
        return QStringLiteral("aws_cloudwatch");
    case 8:
        return QStringLiteral("pagerduty");
    case 9:
        return QStringLiteral("walkup");
    case 10:
        return QStringLiteral("slack");
    default:
        return source > 0 ? QStringLiteral("source-%1").arg(source) : QString();
    }
}

HelpdeskAgent FreshserviceJson::agent(const QJsonObject &o)
{
    HelpdeskAgent a;
    a.id = o.value(QStringLiteral("id")).toInteger();
    a.name = fullName(o);
    a.email = o.value(QStringLiteral("email")).toString().toLower();
    for (const QJsonValue &v : o.value(QStringLiteral("group_ids")).toArray())
        a.groupIds << v.toInteger();
    // Freshservice lists roles as [{"role_id", "assignment_scope", "groups"}]; older payloads as role_ids.
    for (const QJsonValue &v : o.value(QStringLiteral("roles")).toArray())
        a.roleIds << v.toObject().value(QStringLiteral("role_id")).toInteger();
    for (const QJsonValue &v : o.value(QStringLiteral("role_ids")).toArray()) {
        if (!a.roleIds.contains(v.toInteger()))
            a.roleIds << v.toInteger();
    }
    return a;
}

HelpdeskContact FreshserviceJson::requester(const QJsonObject &o)
{
    HelpdeskContact c;
    c.id = o.value(QStringLiteral("id")).toInteger();
    c.name = fullName(o);
    c.email = o.value(QStringLiteral("primary_email")).toString(o.value(QStringLiteral("email")).toString()).toLower();
    c.phone = o.value(QStringLiteral("work_phone_number")).toString(o.value(QStringLiteral("phone")).toString());
    c.mobile = o.value(QStringLiteral("mobile_phone_number")).toString(o.value(QStringLiteral("mobile")).toString());
    const QJsonArray departments = o.value(QStringLiteral("department_ids")).toArray();
    if (!departments.isEmpty())
        c.companyId = FreshdeskJson::optionalId(departments.first());
    else
        c.companyId = FreshdeskJson::optionalId(o.value(QStringLiteral("department_id")));
    return c;
}

HelpdeskCompany FreshserviceJson::department(const QJsonObject &o)
{
    return FreshdeskJson::company(o); // same fields: id, name, domains
}

bool FreshserviceJson::isAdminRoleName(const QString &name)
{
    return name == QLatin1String("Account Admin") || name == QLatin1String("Admin") ||
           name == QLatin1String("Account Administrator") || name == QLatin1String("Administrator");
}

} // namespace cb
