// SandboxHelpdesk, part two: the ticket endpoints (kept apart so each file stays readable).
#include "sandboxhelpdesk.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

namespace cb {

namespace {
QDateTime parseTime(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid())
        t = QDateTime::fromString(s, QStringLiteral("yyyy-MM-dd"));
    return t.toUTC();
}

const QStringList kUpdateFields = {QStringLiteral("description"),
                                   QStringLiteral("due_by"),
                                   QStringLiteral("email_config_id"),
                                   QStringLiteral("fr_due_by"),
                                   QStringLiteral("group_id"),
                                   QStringLiteral("internal_group_id"),
                                   QStringLiteral("priority"),
                                   QStringLiteral("email"),
                                   QStringLiteral("phone"),
                                   QStringLiteral("twitter_id"),
                                   QStringLiteral("facebook_id"),
                                   QStringLiteral("requester_id"),
                                   QStringLiteral("name"),
                                   QStringLiteral("responder_id"),
                                   QStringLiteral("internal_agent_id"),
                                   QStringLiteral("source"),
                                   QStringLiteral("status"),
                                   QStringLiteral("subject"),
                                   QStringLiteral("type"),
                                   QStringLiteral("product_id"),
                                   QStringLiteral("company_id"),
                                   QStringLiteral("skill_id"),
                                   QStringLiteral("skip_close_notification"),
                                   QStringLiteral("unique_external_id"),
                                   QStringLiteral("tracker_id"),
                                   QStringLiteral("tags"),
                                   QStringLiteral("attachments"),
                                   QStringLiteral("custom_fields")};

// Ticket sources a live account accepted (its 400 listed them).
const QList<int> kTicketSources = {1, 2, 3, 5, 6, 7, 9, 11};

// The JSON type a field must have, named as Freshdesk's validation messages name it.
const QHash<QString, QString> kFieldTypes = {{QStringLiteral("tags"), QStringLiteral("Array")},
                                             {QStringLiteral("custom_fields"), QStringLiteral("key/value pair")},
                                             {QStringLiteral("unique_external_id"), QStringLiteral("String")}};

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("Null");
    case QJsonValue::Bool:
        return QStringLiteral("Boolean");
    case QJsonValue::Double:
        return v.toDouble() == double(v.toInteger()) ? QStringLiteral("Integer") : QStringLiteral("Float");
    case QJsonValue::String:
        return QStringLiteral("String");
    case QJsonValue::Array:
        return QStringLiteral("Array");
    case QJsonValue::Object:
        return QStringLiteral("key/value pair");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("Null");
}
} // namespace

QJsonObject SandboxHelpdesk::withIncludes(QJsonObject t, const QStringList &include, bool listing) const
{
    if (listing && !include.contains(QStringLiteral("description"))) {
        t.remove(QStringLiteral("description"));
        t.remove(QStringLiteral("description_text"));
    }
    if (include.contains(QStringLiteral("requester"))) {
        const QJsonObject c = m_account.contacts.value(t.value(QStringLiteral("requester_id")).toInteger());
        t.insert(QStringLiteral("requester"), QJsonObject{{QStringLiteral("id"), c.value(QStringLiteral("id"))},
                                                          {QStringLiteral("name"), c.value(QStringLiteral("name"))},
                                                          {QStringLiteral("email"), c.value(QStringLiteral("email"))},
                                                          {QStringLiteral("mobile"), c.value(QStringLiteral("mobile"))},
                                                          {QStringLiteral("phone"), c.value(QStringLiteral("phone"))}});
    }
    if (include.contains(QStringLiteral("company"))) {
        const QJsonValue cid = t.value(QStringLiteral("company_id"));
        const QJsonObject co = m_account.companies.value(cid.toInteger());
        t.insert(QStringLiteral("company"),
                 cid.isNull() ? QJsonValue(QJsonValue::Null)
                              : QJsonValue(QJsonObject{{QStringLiteral("id"), cid},
                                                       {QStringLiteral("name"), co.value(QStringLiteral("name"))}}));
    }
    if (include.contains(QStringLiteral("stats")))
        t.insert(QStringLiteral("stats"),
                 QJsonObject{{QStringLiteral("agent_responded_at"), QJsonValue::Null},
                             {QStringLiteral("requester_responded_at"), QJsonValue::Null},
                             {QStringLiteral("first_responded_at"), QJsonValue::Null},
                             {QStringLiteral("status_updated_at"), t.value(QStringLiteral("updated_at"))},
                             {QStringLiteral("reopened_at"), QJsonValue::Null},
                             {QStringLiteral("resolved_at"), QJsonValue::Null},
                             {QStringLiteral("closed_at"), QJsonValue::Null},
                             {QStringLiteral("pending_since"), QJsonValue::Null}});
    return t;
}

HttpResponse SandboxHelpdesk::listTickets(const HttpRequest &r, int *credits)
{
    int page = 1;
    int perPage = 30;
    QJsonArray errors = pagingErrors(r, &page, &perPage);
    if (page > 300)
        errors.append(fieldError(
            QStringLiteral("page"),
            QStringLiteral("You cannot access tickets beyond the 300th page. Please provide a smaller page number."),
            QStringLiteral("invalid_value")));
    const QString orderBy = r.query.queryItemValue(QStringLiteral("order_by")).isEmpty()
                                ? QStringLiteral("created_at")
                                : r.query.queryItemValue(QStringLiteral("order_by"));
    if (!QStringList{QStringLiteral("created_at"), QStringLiteral("due_by"), QStringLiteral("updated_at"),
                     QStringLiteral("status")}
             .contains(orderBy))
        errors.append(
            fieldError(QStringLiteral("order_by"),
                       QStringLiteral("It should be one of these values: 'created_at,due_by,updated_at,status'"),
                       QStringLiteral("invalid_value")));
    const QString orderType = r.query.queryItemValue(QStringLiteral("order_type")).isEmpty()
                                  ? QStringLiteral("desc")
                                  : r.query.queryItemValue(QStringLiteral("order_type"));
    if (orderType != QLatin1String("asc") && orderType != QLatin1String("desc"))
        errors.append(fieldError(QStringLiteral("order_type"),
                                 QStringLiteral("It should be one of these values: 'asc,desc'"),
                                 QStringLiteral("invalid_value")));
    const QStringList include = includesOf(r);
    for (const QString &inc : include) {
        if (!QStringList{QStringLiteral("requester"), QStringLiteral("stats"), QStringLiteral("description"),
                         QStringLiteral("company")}
                 .contains(inc)) {
            errors.append(
                fieldError(QStringLiteral("include"),
                           QStringLiteral("It should be one of these values: 'requester,stats,description,company'"),
                           QStringLiteral("invalid_value")));
            break;
        }
    }
    QDateTime since;
    if (r.query.hasQueryItem(QStringLiteral("updated_since"))) {
        since = parseTime(r.query.queryItemValue(QStringLiteral("updated_since"), QUrl::FullyDecoded));
        if (!since.isValid())
            errors.append(fieldError(QStringLiteral("updated_since"),
                                     QStringLiteral("It should be in the 'valid date time' format"),
                                     QStringLiteral("invalid_value")));
    }
    if (!errors.isEmpty())
        return validation(errors);
    *credits = 1 + 2 * int(include.size());

    const QString filter = r.query.queryItemValue(QStringLiteral("filter"));
    // Stamps are fixed-format UTC (YYYY-MM-DDTHH:MM:SSZ): they compare as strings, no parsing per row.
    const QString windowStart = SandboxAccount::stamp(QDateTime::currentDateTimeUtc().addDays(-30));
    const QString sinceStamp = since.isValid() ? SandboxAccount::stamp(since) : QString();
    QList<const QJsonObject *> rows;
    for (const QJsonObject &t : std::as_const(m_account.tickets)) {
        const bool spam = t.value(QStringLiteral("spam")).toBool();
        const bool deleted = t.value(QStringLiteral("deleted")).toBool();
        if (filter == QLatin1String("spam") ? !spam : filter == QLatin1String("deleted") ? !deleted : (spam || deleted))
            continue;
        if (since.isValid()) {
            if (t.value(QStringLiteral("updated_at")).toString() < sinceStamp)
                continue;
        } else if (t.value(QStringLiteral("created_at")).toString() < windowStart) {
            continue; // by default only tickets created in the last 30 days
        }
        rows.append(&t);
    }
    const bool asc = orderType == QLatin1String("asc");
    struct Key
    {
        QString text;
        double number;
        qint64 id;
        const QJsonObject *row;
    };
    QList<Key> keys;
    keys.reserve(rows.size());
    for (const QJsonObject *t : std::as_const(rows)) {
        const QJsonValue v = t->value(orderBy);
        keys.append(
            {v.isString() ? v.toString() : QString(), v.toDouble(), t->value(QStringLiteral("id")).toInteger(), t});
    }
    std::sort(keys.begin(), keys.end(), [asc](const Key &a, const Key &b) {
        const int c = a.text != b.text       ? (a.text < b.text ? -1 : 1)
                      : a.number != b.number ? (a.number < b.number ? -1 : 1)
                                             : 0;
        if (c == 0)
            return asc ? a.id < b.id : a.id > b.id;
        return asc ? c < 0 : c > 0;
    });
    for (qsizetype i = 0; i < keys.size(); ++i)
        rows[i] = keys.at(i).row;
    const qsizetype from = qsizetype(page - 1) * perPage;
    QJsonArray out;
    for (qsizetype i = from; i < std::min<qsizetype>(rows.size(), from + perPage); ++i)
        out.append(withIncludes(*rows.at(i), include, true));
    HttpResponse resp = HttpResponse::json(200, out);
    if (rows.size() > from + perPage)
        resp.withHeader("Link", nextPageLink(r, page + 1));
    return resp;
}

HttpResponse SandboxHelpdesk::viewTicket(qint64 id, const HttpRequest &r, int *credits)
{
    const auto it = m_account.tickets.constFind(id);
    if (it == m_account.tickets.cend())
        return HttpResponse::empty(404);
    const QStringList include = includesOf(r);
    for (const QString &inc : include) {
        if (!QStringList{QStringLiteral("conversations"), QStringLiteral("requester"), QStringLiteral("company"),
                         QStringLiteral("stats")}
                 .contains(inc))
            return validation(
                {fieldError(QStringLiteral("include"),
                            QStringLiteral("It should be one of these values: 'conversations,requester,company,stats'"),
                            QStringLiteral("invalid_value"))});
    }
    *credits = 1 + 2 * int(include.size());
    QJsonObject t = withIncludes(*it, include, false);
    if (include.contains(QStringLiteral("conversations")))
        t.insert(QStringLiteral("conversations"),
                 QJsonArray::fromVariantList(m_account.conversations.value(id).toVariantList().mid(0, 10)));
    return HttpResponse::json(200, t);
}

QString SandboxHelpdesk::applyFields(QJsonObject &t, const QJsonObject &fields)
{
    QString triggered = QStringLiteral("{ticket_action:updated}");
    for (auto f = fields.begin(); f != fields.end(); ++f) {
        if (f.key() == QLatin1String("status") && t.value(f.key()) != f.value())
            triggered = QStringLiteral("{status:{from:%1,to:%2}}").arg(t.value(f.key()).toInt()).arg(f.value().toInt());
        else if (f.key() == QLatin1String("priority") && t.value(f.key()) != f.value() &&
                 !triggered.startsWith(QLatin1String("{status")))
            triggered =
                QStringLiteral("{priority:{from:%1,to:%2}}").arg(t.value(f.key()).toInt()).arg(f.value().toInt());
        if (f.key() == QLatin1String("custom_fields")) {
            QJsonObject cf = t.value(f.key()).toObject();
            const QJsonObject given = f.value().toObject();
            for (auto c = given.begin(); c != given.end(); ++c)
                cf.insert(c.key(), c.value());
            t.insert(f.key(), cf);
        } else {
            t.insert(f.key(), f.value());
            if (f.key() == QLatin1String("description"))
                t.insert(QStringLiteral("description_text"), SandboxAccount::textOf(f.value().toString()));
        }
    }
    t.insert(QStringLiteral("updated_at"), SandboxAccount::stamp(QDateTime::currentDateTimeUtc()));
    return triggered;
}

QJsonArray SandboxHelpdesk::validateUpdate(const QJsonObject &fields, bool agentUi) const
{
    QJsonArray errors;
    for (auto f = fields.begin(); f != fields.end(); ++f) {
        const QString k = f.key();
        if (agentUi && k == QLatin1String("note")) {
            if (!f.value().isObject() || f.value()[QStringLiteral("body")].toString().isEmpty())
                errors.append(fieldError(k, QStringLiteral("It should be an object with a non-empty body"),
                                         QStringLiteral("invalid_value")));
        } else if (!kUpdateFields.contains(k)) {
            errors.append(
                fieldError(k, QStringLiteral("Unexpected/invalid field in request"), QStringLiteral("invalid_field")));
        } else if (k == QLatin1String("status") &&
                   (!f.value().isDouble() || f.value().toInt() < 2 || f.value().toInt() > 7)) {
            errors.append(fieldError(k, QStringLiteral("It should be one of these values: '2,3,4,5,6,7'"),
                                     QStringLiteral("invalid_value")));
        } else if (k == QLatin1String("priority") &&
                   (!f.value().isDouble() || f.value().toInt() < 1 || f.value().toInt() > 4)) {
            errors.append(fieldError(k, QStringLiteral("It should be one of these values: '1,2,3,4'"),
                                     QStringLiteral("invalid_value")));
        } else if (k == QLatin1String("responder_id") && !f.value().isNull() &&
                   !m_account.agents.contains(f.value().toInteger())) {
            errors.append(fieldError(k, QStringLiteral("There is no agent matching the given responder_id"),
                                     QStringLiteral("invalid_value")));
        } else if (k == QLatin1String("group_id") && !f.value().isNull() &&
                   std::none_of(m_account.groups.cbegin(), m_account.groups.cend(), [&](const QJsonObject &g) {
                       return g.value(QStringLiteral("id")).toInteger() == f.value().toInteger();
                   })) {
            errors.append(fieldError(k, QStringLiteral("There is no group matching the given group_id"),
                                     QStringLiteral("invalid_value")));
        } else if (k == QLatin1String("source") && !kTicketSources.contains(f.value().toInt(-1))) {
            errors.append(fieldError(k, QStringLiteral("It should be one of these values: '1,2,3,5,6,7,9,11'"),
                                     QStringLiteral("invalid_value")));
        } else if (k == QLatin1String("internal_group_id") || k == QLatin1String("internal_agent_id")) {
            // the sandbox's accounts have no shared ownership (a Freshdesk add-on)
            errors.append(fieldError(k,
                                     QStringLiteral("The shared_ownership feature is required to support %1 "
                                                    "attribute in the request")
                                         .arg(k),
                                     QStringLiteral("inaccessible_field")));
        } else if (const QString expected = kFieldTypes.value(k);
                   !expected.isEmpty() && jsonTypeName(f.value()) != expected) {
            errors.append(fieldError(
                k,
                QStringLiteral("Value set is of type %1.It should be a/an %2").arg(jsonTypeName(f.value()), expected),
                QStringLiteral("datatype_mismatch")));
        }
    }
    return errors;
}

HttpResponse SandboxHelpdesk::updateTicket(qint64 id, const HttpRequest &r)
{
    auto it = m_account.tickets.find(id);
    if (it == m_account.tickets.end() || it->value(QStringLiteral("deleted")).toBool() ||
        it->value(QStringLiteral("spam")).toBool())
        return HttpResponse::empty(404);
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return error(400, QStringLiteral("invalid_json"), QStringLiteral("Request body has invalid json format"));
    const QJsonObject fields = doc.object();
    if (fields.isEmpty())
        return error(
            400, QStringLiteral("missing_params"),
            QStringLiteral("Your update call does not have any parameter. Atleast one parameter is required."));
    if (const QJsonArray errors = validateUpdate(fields); !errors.isEmpty())
        return validation(errors);
    const QString triggered = applyFields(*it, fields);
    m_automation.fire(*it, QStringLiteral("updated"), triggered);
    return HttpResponse::json(200, *it);
}

HttpResponse SandboxHelpdesk::addConversation(qint64 id, const HttpRequest &r, bool note)
{
    auto it = m_account.tickets.find(id);
    if (it == m_account.tickets.end() || it->value(QStringLiteral("deleted")).toBool())
        return HttpResponse::empty(404);
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    if (!doc.isObject())
        return error(400, QStringLiteral("invalid_json"), QStringLiteral("Request body has invalid json format"));
    const QString body = doc.object().value(QStringLiteral("body")).toString();
    if (body.isEmpty())
        return validation(
            {fieldError(QStringLiteral("body"), QStringLiteral("It should not be blank as this is a mandatory field"),
                        QStringLiteral("missing_field"))});
    const bool isPrivate =
        note && doc.object().value(QStringLiteral("private")).toBool(true); // notes: private by default
    QJsonObject c =
        m_account.addConversation(id, body, isPrivate, note ? 2 : 0, m_currentAgent, QDateTime::currentDateTimeUtc());
    if (note && doc.object().contains(QStringLiteral("notify_emails"))) {
        // a note's notified addresses come back as its to_emails
        c.insert(QStringLiteral("to_emails"), doc.object().value(QStringLiteral("notify_emails")).toArray());
        QJsonArray &conversations = m_account.conversations[id];
        conversations.replace(conversations.size() - 1, c);
    }
    it->insert(QStringLiteral("updated_at"), SandboxAccount::stamp(QDateTime::currentDateTimeUtc()));
    m_automation.fire(*it, QStringLiteral("note_added"),
                      isPrivate ? QStringLiteral("{note_type:private}") : QStringLiteral("{note_type:public}"));
    HttpResponse resp = HttpResponse::json(201, c);
    QUrl location = r.url;
    location.setPath(QStringLiteral("/api/v2/conversations/%1").arg(c.value(QStringLiteral("id")).toInteger()));
    location.setQuery(QString());
    resp.withHeader("Location", location.toEncoded());
    return resp;
}

HttpResponse SandboxHelpdesk::listConversations(qint64 id, const HttpRequest &r)
{
    if (!m_account.tickets.contains(id))
        return HttpResponse::empty(404);
    int page = 1;
    int perPage = 30;
    if (const QJsonArray errors = pagingErrors(r, &page, &perPage); !errors.isEmpty())
        return validation(errors);
    const QJsonArray all = m_account.conversations.value(id);
    QJsonArray out;
    for (qsizetype i = qsizetype(page - 1) * perPage; i < std::min<qsizetype>(all.size(), qsizetype(page) * perPage);
         ++i)
        out.append(all.at(i));
    HttpResponse resp = HttpResponse::json(200, out);
    if (all.size() > qsizetype(page) * perPage)
        resp.withHeader("Link", nextPageLink(r, page + 1));
    return resp;
}

} // namespace cb
