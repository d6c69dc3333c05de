// SandboxHelpdesk, part three: what happens outside the API — edits in Freshdesk's own UI, and the call statistics.
#include "sandboxhelpdesk.h"

#include <QDateTime>

namespace cb {

std::optional<QJsonObject> SandboxHelpdesk::agentEdit(qint64 ticketId, const QJsonObject &fields, qint64 actorId)
{
    auto it = m_account.tickets.find(ticketId);
    if (it == m_account.tickets.end())
        return std::nullopt;
    QJsonObject changes = fields;
    const QJsonObject note = changes.take(QStringLiteral("note")).toObject();
    if (!changes.isEmpty()) {
        const QString triggered = applyFields(*it, changes);
        m_automation.fire(*it, QStringLiteral("updated"), triggered);
    }
    if (!note.isEmpty()) {
        // An agent's note (private by default, as in the UI), or with "incoming" the requester's e-mail reply.
        const bool incoming = note.value(QStringLiteral("incoming")).toBool();
        const bool isPrivate = !incoming && note.value(QStringLiteral("private")).toBool(true);
        const qint64 userId = incoming       ? it->value(QStringLiteral("requester_id")).toInteger()
                              : actorId != 0 ? actorId
                                             : m_account.adminId;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QJsonObject c = m_account.addConversation(ticketId, note.value(QStringLiteral("body")).toString(), isPrivate,
                                                  incoming ? 0 : 2, userId, now);
        if (incoming) {
            QJsonArray &all = m_account.conversations[ticketId];
            c.insert(QStringLiteral("incoming"), true);
            all.replace(all.size() - 1, c);
        }
        it->insert(QStringLiteral("updated_at"), SandboxAccount::stamp(now));
        m_automation.fire(*it, QStringLiteral("note_added"),
                          isPrivate ? QStringLiteral("{note_type:private}") : QStringLiteral("{note_type:public}"));
    }
    return *it;
}

QJsonObject SandboxHelpdesk::customerCreatesTicket(const QString &subject, const QString &email)
{
    const QJsonObject t = m_account.createTicket(subject, email, QDateTime::currentDateTimeUtc());
    m_automation.fire(t, QStringLiteral("created"), QStringLiteral("{ticket_action:created}"));
    return t;
}

QJsonObject SandboxHelpdesk::stats() const
{
    QJsonObject byEndpoint;
    qint64 calls = 0;
    qint64 credits = 0;
    qint64 limited = 0;
    for (auto it = m_stats.cbegin(); it != m_stats.cend(); ++it) {
        byEndpoint.insert(it.key(), QJsonObject{{QStringLiteral("calls"), it->calls},
                                                {QStringLiteral("credits"), it->credits},
                                                {QStringLiteral("rate_limited"), it->rateLimited}});
        calls += it->calls;
        credits += it->credits;
        limited += it->rateLimited;
    }
    qint64 delivered = 0;
    qint64 failed = 0;
    for (const QJsonObject &d : m_automation.deliveries()) {
        const int status = d.value(QStringLiteral("status")).toInt();
        ++(status >= 200 && status < 300 ? delivered : failed);
    }
    return {
        {QStringLiteral("api_calls"), calls},
        {QStringLiteral("credits_used"), credits},
        {QStringLiteral("rate_limited"), limited},
        {QStringLiteral("by_endpoint"), byEndpoint},
        {QStringLiteral("rate_limit"),
         QJsonObject{{QStringLiteral("plan"), m_plan.name},
                     {QStringLiteral("total"), m_plan.total},
                     {QStringLiteral("remaining"), std::max(0, m_plan.total - m_used.value(QStringLiteral("total")))}}},
        {QStringLiteral("webhooks"), QJsonObject{{QStringLiteral("rules"), m_automation.ruleCount()},
                                                 {QStringLiteral("delivered"), delivered},
                                                 {QStringLiteral("failed_attempts"), failed}}},
        {QStringLiteral("activity"), m_activity.state()}};
}

void SandboxHelpdesk::resetStats()
{
    m_stats.clear();
}

} // namespace cb
