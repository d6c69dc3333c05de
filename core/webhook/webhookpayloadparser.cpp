#include "webhookpayloadparser.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

namespace cb {

namespace {

const QString kWrapper = QStringLiteral("freshdesk_webhook");

// A rendered value, or nothing when empty or an unrendered {{placeholder}}.
QString textOf(const QJsonValue &v)
{
    QString s;
    if (v.isString())
        s = v.toString().trimmed();
    else if (v.isDouble())
        s = QString::number(v.toInteger());
    else if (v.isBool())
        s = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (s.startsWith(QLatin1String("{{")) && s.endsWith(QLatin1String("}}")))
        return {};
    return s;
}

QJsonValue firstOf(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys) {
        const QJsonValue v = o.value(QLatin1String(k));
        if (!v.isUndefined() && !v.isNull() && !textOf(v).isEmpty())
            return v;
    }
    return QJsonValue(QJsonValue::Undefined);
}

// "11", 11, "#11", ".../tickets/11", and Freshservice's display ids "#INC-11", "SR-11" (a service request is a
// ticket too) → 11.
std::optional<qint64> idOf(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d >= 1 && d < 9.0e15 && d == double(qint64(d)))
            return qint64(d);
        return std::nullopt;
    }
    static const QRegularExpression digits(QStringLiteral("^(?:#?(?:INC|SR)-|#|.*/tickets/)?(\\d{1,18})/?$"),
                                           QRegularExpression::CaseInsensitiveOption);
    const auto m = digits.match(textOf(v));
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 id = m.captured(1).toLongLong();
    return id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

std::optional<QDateTime> timeOf(const QJsonValue &v)
{
    QString s = textOf(v);
    if (s.isEmpty())
        return std::nullopt;
    if (s.size() > 10 && s.at(10) == QLatin1Char(' '))
        s[10] = QLatin1Char('T');
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // Freshdesk writes UTC; a zone-less time is read as UTC, never as local time
    return t.toUTC();
}

QString eventFrom(const QJsonObject &triggered, const QString &explicitEvent)
{
    QString e = explicitEvent.toLower();
    e.replace(QLatin1Char(' '), QLatin1Char('_'));
    if (e.startsWith(QLatin1String("ticket_")))
        e = e.mid(7);
    else if (e.startsWith(QLatin1String("ticket.")))
        e = e.mid(7);
    if (e == QLatin1String("create") || e == QLatin1String("new"))
        e = QStringLiteral("created");
    if (e == QLatin1String("update"))
        e = QStringLiteral("updated");
    if (!e.isEmpty())
        return e;
    if (triggered.contains(QStringLiteral("ticket_action")))
        return triggered.value(QStringLiteral("ticket_action")).toString().toLower();
    if (triggered.contains(QStringLiteral("note_type")))
        return QStringLiteral("note_added");
    if (triggered.contains(QStringLiteral("status")))
        return QStringLiteral("status_changed");
    if (triggered.contains(QStringLiteral("priority")))
        return QStringLiteral("priority_changed");
    if (!triggered.isEmpty())
        return QStringLiteral("updated");
    return {};
}

// A small recursive-descent reader for `{a:b,c:{d:1,e:2}}` (tokens unquoted or quoted).
class TriggeredReader
{
public:
    explicit TriggeredReader(const QString &s)
        : m_s(s)
    {}
    std::optional<QJsonObject> object(int depth = 0)
    {
        skip();
        if (depth > 8 || !eat(QLatin1Char('{')))
            return std::nullopt;
        QJsonObject o;
        skip();
        if (eat(QLatin1Char('}')))
            return o;
        while (m_i < m_s.size()) {
            const QString key = token();
            skip();
            if (key.isEmpty() || !eat(QLatin1Char(':')))
                return std::nullopt;
            skip();
            if (peek() == QLatin1Char('{')) {
                auto inner = object(depth + 1);
                if (!inner)
                    return std::nullopt;
                o.insert(key, *inner);
            } else {
                const QString value = token();
                bool numeric = false;
                const qint64 n = value.toLongLong(&numeric);
                o.insert(key, numeric ? QJsonValue(n) : QJsonValue(value));
            }
            skip();
            if (eat(QLatin1Char('}')))
                return o;
            if (!eat(QLatin1Char(',')))
                return std::nullopt;
        }
        return std::nullopt;
    }

private:
    QChar peek() const { return m_i < m_s.size() ? m_s.at(m_i) : QChar(); }
    bool eat(QChar c)
    {
        if (peek() != c)
            return false;
        ++m_i;
        return true;
    }
    void skip()
    {
        while (m_i < m_s.size() && m_s.at(m_i).isSpace())
            ++m_i;
    }
    QString token()
    {
        skip();
        if (peek() == QLatin1Char('"')) {
            const qsizetype end = m_s.indexOf(QLatin1Char('"'), m_i + 1);
            if (end < 0)
                return {};
            const QString t = m_s.mid(m_i + 1, end - m_i - 1);
            m_i = end + 1;
            return t;
        }
        const qsizetype start = m_i;
        while (m_i < m_s.size() && !QStringView(u",:{}").contains(m_s.at(m_i)))
            ++m_i;
        return m_s.mid(start, m_i - start).trimmed();
    }

    const QString &m_s;
    qsizetype m_i = 0;
};

} // namespace

WebhookPayloadParser::WebhookPayloadParser(TicketVocabulary vocabulary)
    : m_vocabulary(std::move(vocabulary))
{}

QJsonObject WebhookPayloadParser::parseTriggeredEvent(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8(), &err);
    if (err.error == QJsonParseError::NoError && doc.isObject())
        return doc.object();
    if (auto o = TriggeredReader(t).object())
        return *o;
    // A bare word such as "ticket_created" or "status_changed".
    static const QRegularExpression word(QStringLiteral("^[A-Za-z_ .]{1,64}$"));
    if (word.match(t).hasMatch())
        return QJsonObject{{QStringLiteral("event"), t}};
    return {};
}

WebhookPayloadParser::BodyKind WebhookPayloadParser::kindOf(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray type = contentType.split(';').constFirst().trimmed().toLower();
    if (type.isEmpty()) {
        const QByteArray b = body.trimmed();
        return b.startsWith('{') ? BodyKind::Json : BodyKind::Form;
    }
    if (type == "application/json" || type == "text/json" ||
        (type.startsWith("application/") && type.endsWith("+json")))
        return BodyKind::Json;
    if (type == "application/x-www-form-urlencoded")
        return BodyKind::Form;
    return BodyKind::Unsupported;
}

QJsonObject WebhookPayloadParser::formToObject(const QByteArray &body)
{
    QByteArray plusDecoded = body;
    plusDecoded.replace('+', "%20"); // form encoding writes spaces as '+', which QUrlQuery leaves alone
    const QUrlQuery q(QString::fromUtf8(plusDecoded));
    QJsonObject o;
    const QString prefix = kWrapper + QLatin1Char('[');
    for (const auto &kv : q.queryItems(QUrl::FullyDecoded)) {
        QString key = kv.first;
        if (key.startsWith(prefix) && key.endsWith(QLatin1Char(']')))
            key = key.mid(prefix.size(), key.size() - prefix.size() - 1);
        o.insert(key, kv.second);
    }
    return o;
}

Result<WebhookPayload> WebhookPayloadParser::salvage(const QByteArray &body)
{
    // Advanced-mode templates are filled in without JSON escaping: a subject or HTML description with a quote
    // breaks the document. The ticket id usually survives; fetch the ticket rather than lose the event.
    static const QRegularExpression id(
        QStringLiteral("\"(?:ticket_id|ticketId|ticket\\.id|id)\"\\s*:\\s*\"?#?(?:INC-|SR-)?(\\d{1,18})\"?\\s*[,}]"));
    static const QRegularExpression trig(QStringLiteral("\"triggered_event\"\\s*:\\s*\"(\\{[^\"]*\\})\""));
    const QString text = QString::fromUtf8(body);
    const auto m = id.match(text);
    if (!m.hasMatch() || m.captured(1).toLongLong() <= 0)
        return Error::make(Error::Kind::Usage,
                           QStringLiteral("The body is not valid JSON and has no readable ticket id; send JSON such "
                                          "as {\"ticket_id\": \"{{ticket.id}}\", \"triggered_event\": "
                                          "\"{{triggered_event}}\"}."));
    WebhookPayload p;
    p.ticketId = m.captured(1).toLongLong();
    if (const auto t = trig.match(text); t.hasMatch())
        p.triggered = parseTriggeredEvent(t.captured(1));
    p.event = eventFrom(p.triggered, {});
    if (p.event.isEmpty())
        p.event = QStringLiteral("unknown");
    return p;
}

Result<WebhookPayload> WebhookPayloadParser::parse(const QByteArray &body, const QByteArray &contentType) const
{
    if (body.trimmed().isEmpty())
        return Error::make(Error::Kind::Usage,
                           QStringLiteral("The body is empty; expected a JSON or form-encoded ticket payload with a "
                                          "ticket_id."));
    switch (kindOf(contentType, body)) {
    case BodyKind::Unsupported:
        return Error::make(Error::Kind::Unsupported, QStringLiteral("Send the webhook as JSON or X-FORM-URLENCODED."));
    case BodyKind::Form:
        return fromObject(formToObject(body));
    case BodyKind::Json:
        break;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return salvage(body);
    if (!doc.isObject())
        return Error::make(Error::Kind::Usage,
                           QStringLiteral("The body is JSON but not an object; expected an object with a ticket_id "
                                          "(or freshdesk_webhook.ticket_id)."));
    return fromObject(doc.object());
}

Result<WebhookPayload> WebhookPayloadParser::fromObject(QJsonObject o) const
{
    if (o.value(kWrapper).isObject())
        o = o.value(kWrapper).toObject();
    if (o.value(QStringLiteral("ticket")).isObject()) {
        // {"ticket": {...}, "event": ...}: the ticket's own fields, the envelope's event details.
        QJsonObject merged = o.value(QStringLiteral("ticket")).toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            if (it.key() != QLatin1String("ticket") && !merged.contains(it.key()))
                merged.insert(it.key(), it.value());
        if (merged.contains(QStringLiteral("id")) && !merged.contains(QStringLiteral("ticket_id")))
            merged.insert(QStringLiteral("ticket_id"), merged.value(QStringLiteral("id")));
        o = merged;
    }

    WebhookPayload p;
    p.ticketId = idOf(firstOf(o, {"ticket_id", "ticketId", "ticket.id", "freshdesk_ticket_id", "id"}));
    if (!p.ticketId)
        return Error::make(Error::Kind::Usage,
                           QStringLiteral("The body has no ticket id; expected ticket_id (or "
                                          "freshdesk_webhook.ticket_id, ticketId, id) set to {{ticket.id}}."));

    const QJsonValue trig = o.value(QStringLiteral("triggered_event"));
    p.triggered = trig.isObject() ? trig.toObject() : parseTriggeredEvent(textOf(trig));
    p.event = eventFrom(p.triggered, textOf(firstOf(o, {"event", "event_type", "ticket_event", "action"})));
    if (p.event.isEmpty())
        p.event = QStringLiteral("unknown");
    if (const QString id = textOf(firstOf(o, {"event_id", "eventId"})); !id.isEmpty())
        p.explicitEventId = id.left(200);
    p.updatedAt = timeOf(firstOf(o, {"updated_at", "ticket_updated_at", "updatedAt"}));

    QJsonObject &f = p.fields;
    const QString status = textOf(firstOf(o, {"status", "status_id", "ticket_status", "ticket_status_id"}));
    if (auto s = m_vocabulary.parseStatus(status))
        f.insert(QStringLiteral("status"), *s);
    else if (p.triggered.value(QStringLiteral("status")).isObject())
        if (auto to = p.triggered.value(QStringLiteral("status")).toObject().value(QStringLiteral("to")); to.isDouble())
            f.insert(QStringLiteral("status"), to.toInt());
    const QString priority = textOf(firstOf(o, {"priority", "priority_id", "ticket_priority", "ticket_priority_id"}));
    if (auto pr = TicketVocabulary::parsePriority(priority))
        f.insert(QStringLiteral("priority"), *pr);
    else if (p.triggered.value(QStringLiteral("priority")).isObject())
        if (auto to = p.triggered.value(QStringLiteral("priority")).toObject().value(QStringLiteral("to"));
            to.isDouble())
            f.insert(QStringLiteral("priority"), to.toInt());
    // Agent and group: ids, or an explicit null when the ticket was unassigned.
    if (o.contains(QStringLiteral("responder_id")) && o.value(QStringLiteral("responder_id")).isNull())
        f.insert(QStringLiteral("responder_id"), QJsonValue::Null);
    else if (auto id = idOf(firstOf(o, {"responder_id", "agent_id", "ticket_responder_id", "ticket_agent_id"})))
        f.insert(QStringLiteral("responder_id"), *id);
    if (o.contains(QStringLiteral("group_id")) && o.value(QStringLiteral("group_id")).isNull())
        f.insert(QStringLiteral("group_id"), QJsonValue::Null);
    else if (auto id = idOf(firstOf(o, {"group_id", "ticket_group_id"})))
        f.insert(QStringLiteral("group_id"), *id);
    if (const QString s = textOf(firstOf(o, {"subject", "ticket_subject"})); !s.isEmpty())
        f.insert(QStringLiteral("subject"), s);
    if (const QString s = textOf(firstOf(o, {"description", "ticket_description"})); !s.isEmpty())
        f.insert(QStringLiteral("description"), s);
    if (const QString s = textOf(firstOf(o, {"requester_email", "ticket_requester_email", "ticket_contact_email",
                                             "ticket_from_email", "from_email", "email"}));
        s.contains(QLatin1Char('@')))
        f.insert(QStringLiteral("requester_email"), s.toLower());
    if (const QString s =
            textOf(firstOf(o, {"requester_name", "ticket_requester_name", "ticket_contact_name", "name"}));
        !s.isEmpty())
        f.insert(QStringLiteral("requester_name"), s);
    return p;
}

QString WebhookPayloadParser::eventKey(const WebhookPayload *payload, const QByteArray &body,
                                       const QByteArray &headerEventId)
{
    const QByteArray header = headerEventId.trimmed();
    if (!header.isEmpty())
        return QStringLiteral("id:") + QString::fromUtf8(header.left(200));
    if (payload && payload->explicitEventId)
        return QStringLiteral("id:") + *payload->explicitEventId;
    if (payload && payload->ticketId && payload->updatedAt) {
        // updated_at has whole seconds: two changes of one ticket within a second share it. The digest of what the
        // body says (its fields and triggered event, normalised, so a reformatted replay is still the same event)
        // keeps them two events; only a true replay is absorbed.
        QByteArray said = QJsonDocument(payload->fields).toJson(QJsonDocument::Compact);
        said += '\n';
        said += QJsonDocument(payload->triggered).toJson(QJsonDocument::Compact);
        return QStringLiteral("t:%1:%2:%3:%4")
            .arg(*payload->ticketId)
            .arg(payload->event, payload->updatedAt->toString(Qt::ISODateWithMs),
                 QString::fromLatin1(QCryptographicHash::hash(said, QCryptographicHash::Sha256).toHex().left(32)));
    }
    return QStringLiteral("body:") +
           QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
}

} // namespace cb
