#include "domainjson.h"

#include "common/clock.h"
#include "domain/case.h"
#include "domain/customer.h"
#include "domain/inboxevent.h"
#include "domain/integration.h"
#include "domain/outboxitem.h"
#include "domain/synclogentry.h"

#include <QJsonValue>

namespace cb {

namespace {
QJsonValue opt(const std::optional<qint64> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(toStoreTime(t)) : QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonObject toJson(const Integration &i)
{
    return {{QStringLiteral("id"), i.id},
            {QStringLiteral("workspace_id"), i.workspaceId},
            {QStringLiteral("provider"), i.provider},
            {QStringLiteral("domain"), i.domain},
            {QStringLiteral("agent_id"), opt(i.agentId)},
            {QStringLiteral("agent_name"), i.agentName},
            {QStringLiteral("agent_email"), i.agentEmail},
            {QStringLiteral("settings"), i.settings},
            {QStringLiteral("previous_secret_expires_at"), time(i.previousSecretExpiresAt)},
            {QStringLiteral("state"), i.state},
            {QStringLiteral("watermark"), time(i.watermark)},
            {QStringLiteral("created_at"), time(i.createdAt)}};
}

QJsonObject toJson(const Case &c)
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("workspace_id"), c.workspaceId},
            {QStringLiteral("integration_id"), c.integrationId.isEmpty() ? QJsonValue() : QJsonValue(c.integrationId)},
            {QStringLiteral("subject"), c.subject},
            {QStringLiteral("description"), c.description},
            {QStringLiteral("status"), c.status},
            {QStringLiteral("priority"), c.priority},
            {QStringLiteral("assignee_id"), opt(c.assigneeId)},
            {QStringLiteral("group_id"), opt(c.groupId)},
            {QStringLiteral("customer_id"), opt(c.customerId)},
            {QStringLiteral("external_provider"),
             c.externalProvider.isEmpty() ? QJsonValue() : QJsonValue(c.externalProvider)},
            {QStringLiteral("external_ticket_id"), opt(c.externalTicketId)},
            {QStringLiteral("external_updated_at"), time(c.externalUpdatedAt)},
            {QStringLiteral("channel"), c.remoteState.value(QStringLiteral("channel")).toString().isEmpty()
                                            ? QJsonValue()
                                            : c.remoteState.value(QStringLiteral("channel"))},
            {QStringLiteral("remote_state"), c.remoteState},
            {QStringLiteral("created_at"), time(c.createdAt)},
            {QStringLiteral("updated_at"), time(c.updatedAt)}};
}

QJsonObject toJson(const Customer &c)
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("workspace_id"), c.workspaceId},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("email"), c.email},
            {QStringLiteral("domain"), c.domain},
            {QStringLiteral("phone"), c.phone},
            {QStringLiteral("phone_digits"), c.phoneDigits},
            {QStringLiteral("external_id"), c.externalId}};
}

QJsonObject toJson(const SyncLogEntry &e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("at"), time(e.at)},
            {QStringLiteral("integration_id"), e.integrationId.isEmpty() ? QJsonValue() : QJsonValue(e.integrationId)},
            {QStringLiteral("case_id"), opt(e.caseId)},
            {QStringLiteral("ticket_id"), opt(e.ticketId)},
            {QStringLiteral("direction"), toString(e.direction)},
            {QStringLiteral("source"), e.source ? toString(*e.source) : QString()},
            {QStringLiteral("event"), e.event},
            {QStringLiteral("changes"), e.changes},
            {QStringLiteral("result"), toString(e.result)},
            {QStringLiteral("latency_ms"), opt(e.latencyMs)},
            {QStringLiteral("error"), e.error.isEmpty() ? QJsonValue() : QJsonValue(e.error)}};
}

QJsonObject toJson(const OutboxItem &o)
{
    return {{QStringLiteral("id"), o.id},
            {QStringLiteral("case_id"), o.caseId},
            {QStringLiteral("integration_id"), o.integrationId},
            {QStringLiteral("op"), o.op ? toString(*o.op) : QString()},
            {QStringLiteral("payload"), o.payload},
            {QStringLiteral("state"), toString(o.state)},
            {QStringLiteral("attempts"), o.attempts},
            {QStringLiteral("next_attempt_at"), time(o.nextAttemptAt)},
            {QStringLiteral("last_error"), o.lastError.isEmpty() ? QJsonValue() : QJsonValue(o.lastError)}};
}

QJsonObject toJson(const InboxEvent &e, bool includeBody)
{
    QJsonObject o{{QStringLiteral("id"), e.id},
                  {QStringLiteral("integration_id"), e.integrationId},
                  {QStringLiteral("event_key"), e.eventKey},
                  {QStringLiteral("received_at"), time(e.receivedAt)},
                  {QStringLiteral("remote_addr"), e.remoteAddr},
                  {QStringLiteral("state"), toString(e.state)},
                  {QStringLiteral("attempts"), e.attempts},
                  {QStringLiteral("last_error"), e.lastError.isEmpty() ? QJsonValue() : QJsonValue(e.lastError)}};
    if (includeBody)
        o.insert(QStringLiteral("body"), QString::fromUtf8(e.body));
    return o;
}

} // namespace cb
