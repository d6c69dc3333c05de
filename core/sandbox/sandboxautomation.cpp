#include "sandboxautomation.h"

#include "common/logging.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

namespace cb {

namespace {
QString statusName(int s)
{
    switch (s) {
    case 2:
        return QStringLiteral("Open");
    case 3:
        return QStringLiteral("Pending");
    case 4:
        return QStringLiteral("Resolved");
    case 5:
        return QStringLiteral("Closed");
    case 6:
        return QStringLiteral("Waiting on Customer");
    case 7:
        return QStringLiteral("Waiting on Third Party");
    default:
        return QString::number(s);
    }
}

QString priorityName(int p)
{
    static const QStringList names = {QStringLiteral("Low"), QStringLiteral("Medium"), QStringLiteral("High"),
                                      QStringLiteral("Urgent")};
    return p >= 1 && p <= 4 ? names.at(p - 1) : QString::number(p);
}
} // namespace

SandboxAutomation::SandboxAutomation(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{}

void SandboxAutomation::addRule(const Rule &rule)
{
    m_rules.append(rule);
}

void SandboxAutomation::clearRules()
{
    m_rules.clear();
}

QByteArray SandboxAutomation::render(const QString &shape, const QJsonObject &t, const QString &event,
                                     const QString &triggered, QByteArray *contentType)
{
    const QString id = QString::number(t.value(QStringLiteral("id")).toInteger());
    *contentType = "application/json";
    if (shape == QLatin1String("thin")) {
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("ticketId"), id}, {QStringLiteral("triggered_event"), triggered}})
            .toJson(QJsonDocument::Compact);
    }
    if (shape == QLatin1String("workflow")) {
        // Freshservice's Workflow Automator rendering Casebridge's template: a display id and names.
        QJsonObject o{
            {QStringLiteral("ticket_id"), QString(QStringLiteral("#INC-") + id)},
            {QStringLiteral("event"), event == QLatin1String("created") ? event : QString(QStringLiteral("updated"))},
            {QStringLiteral("status"), statusName(t.value(QStringLiteral("status")).toInt())},
            {QStringLiteral("priority"), priorityName(t.value(QStringLiteral("priority")).toInt())},
            {QStringLiteral("agent_email"), QString()},
            {QStringLiteral("group"), QString()}};
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    if (shape == QLatin1String("flat")) {
        QJsonObject o{{QStringLiteral("ticket_id"), t.value(QStringLiteral("id"))},
                      {QStringLiteral("event"), event},
                      {QStringLiteral("status"), t.value(QStringLiteral("status"))},
                      {QStringLiteral("priority"), t.value(QStringLiteral("priority"))},
                      {QStringLiteral("responder_id"), t.value(QStringLiteral("responder_id"))},
                      {QStringLiteral("group_id"), t.value(QStringLiteral("group_id"))},
                      {QStringLiteral("subject"), t.value(QStringLiteral("subject"))},
                      {QStringLiteral("updated_at"), t.value(QStringLiteral("updated_at"))}};
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    const QList<QPair<QString, QString>> simple = {
        {QStringLiteral("ticket_id"), id},
        {QStringLiteral("ticket_subject"), t.value(QStringLiteral("subject")).toString()},
        {QStringLiteral("ticket_description"), t.value(QStringLiteral("description")).toString()},
        {QStringLiteral("ticket_status"), statusName(t.value(QStringLiteral("status")).toInt())},
        {QStringLiteral("ticket_priority"), priorityName(t.value(QStringLiteral("priority")).toInt())},
        {QStringLiteral("triggered_event"), triggered}};
    if (shape == QLatin1String("form")) {
        *contentType = "application/x-www-form-urlencoded";
        QUrlQuery q;
        for (const auto &kv : simple)
            q.addQueryItem(QStringLiteral("freshdesk_webhook[%1]").arg(kv.first),
                           QString::fromLatin1(QUrl::toPercentEncoding(kv.second)));
        return q.query(QUrl::FullyEncoded).toLatin1();
    }
    QJsonObject inner;
    for (const auto &kv : simple)
        inner.insert(kv.first, kv.second);
    return QJsonDocument(QJsonObject{{QStringLiteral("freshdesk_webhook"), inner}}).toJson(QJsonDocument::Compact);
}

void SandboxAutomation::fire(const QJsonObject &ticket, const QString &event, const QString &triggered)
{
    if (!m_enabled)
        return;
    for (int i = 0; i < m_rules.size(); ++i) {
        if (!m_rules.at(i).events.isEmpty() && !m_rules.at(i).events.contains(event))
            continue;
        QByteArray contentType;
        const QByteArray body = render(m_rules.at(i).shape, ticket, event, triggered, &contentType);
        deliver(i, body, contentType, ticket.value(QStringLiteral("id")).toInteger(), 0);
    }
}

void SandboxAutomation::deliver(int ruleIndex, QByteArray body, QByteArray contentType, qint64 ticketId, int attempt)
{
    if (ruleIndex >= m_rules.size())
        return;
    const Rule rule = m_rules.at(ruleIndex);
    QNetworkRequest req(rule.url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    req.setTransferTimeout(10000);
    if (!rule.headerName.isEmpty())
        req.setRawHeader(rule.headerName, rule.headerValue);
    if (!rule.basicUser.isEmpty() || !rule.basicPassword.isEmpty())
        req.setRawHeader("Authorization",
                         "Basic " +
                             QByteArray((rule.basicUser + QLatin1Char(':') + rule.basicPassword).toUtf8()).toBase64());
    QNetworkReply *reply = m_nam->post(req, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, ruleIndex, body, contentType, ticketId, attempt] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_deliveries.append(QJsonObject{{QStringLiteral("rule"), ruleIndex},
                                        {QStringLiteral("ticket_id"), ticketId},
                                        {QStringLiteral("attempt"), attempt},
                                        {QStringLiteral("status"), status},
                                        {QStringLiteral("response"), QString::fromUtf8(reply->readAll().left(300))}});
        if (status >= 200 && status < 300)
            return;
        // Freshdesk retries 5, 30 and 60 minutes after a failure.
        static const int delaysMin[] = {5, 30, 60};
        if (attempt >= 3)
            return;
        const int delayMs = int(delaysMin[attempt] * 60000 * m_retryScale);
        QTimer::singleShot(delayMs, this, [this, ruleIndex, body, contentType, ticketId, attempt] {
            deliver(ruleIndex, body, contentType, ticketId, attempt + 1);
        });
    });
}

} // namespace cb
