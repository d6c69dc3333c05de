#include "inboundprocessor.h"

#include "common/clock.h"
#include "common/logging.h"
#include "domain/integrationsettings.h"
#include "helpdesk/helpdeskclient.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "storage/namedirectory.h"
#include "storage/synclog.h"
#include "sync/outboundpusher.h"
#include "sync/remoteapplier.h"
#include "sync/ticketmapper.h"

#include <QHash>

#include <algorithm>

namespace cb {

InboundProcessor::InboundProcessor(Database &db, const Clock &clock, const TicketMapper &mapper, ClientFor clients,
                                   Parser parser)
    : m_db(db)
    , m_clock(clock)
    , m_mapper(mapper)
    , m_clients(std::move(clients))
    , m_parser(std::move(parser))
    , m_conversations(db, clock)
    , m_lister(clock)
{}

bool InboundProcessor::mayCarryConversation(const WebhookPayload &payload)
{
    if (payload.event == QLatin1String("note_added") || payload.event == QLatin1String("reply_sent") ||
        payload.event == QLatin1String("customer_reply"))
        return true;
    if (payload.event == QLatin1String("created"))
        return false; // a new case copies its conversations anyway
    // Freshdesk names the first condition that matched: {status:…}, {priority:…} and the like change fields only;
    // {note_type:…}, a reply, or nothing readable may have brought a conversation.
    static const QStringList fieldsOnly = {QStringLiteral("status"),        QStringLiteral("priority"),
                                           QStringLiteral("ticket_action"), QStringLiteral("responder_id"),
                                           QStringLiteral("group_id"),      QStringLiteral("agent"),
                                           QStringLiteral("group"),         QStringLiteral("ticket_type")};
    if (payload.triggered.isEmpty()) // no {{triggered_event}}: a bare id may announce anything, fields a field change
        return payload.fields.isEmpty() && payload.event != QLatin1String("status_changed") &&
               payload.event != QLatin1String("priority_changed");
    for (auto it = payload.triggered.begin(); it != payload.triggered.end(); ++it)
        if (!fieldsOnly.contains(it.key()))
            return true;
    return false;
}

bool InboundProcessor::needsFetch(const Integration &integration, qint64 ticketId, const QList<Parsed> &events)
{
    if (std::any_of(events.cbegin(), events.cend(), [](const Parsed &p) { return p.payload.isThin(); }))
        return true;
    auto existing = CaseStore(m_db, m_clock)
                        .findByExternal(integration.workspaceId, integration.provider, integration.domain, ticketId);
    return existing && (!existing->has_value() || sameSecondAmbiguity(**existing, events));
}

bool InboundProcessor::sameSecondAmbiguity(const Case &c, const QList<Parsed> &events)
{
    auto differsFrom = [](const QJsonObject &fields, const QJsonObject &other) {
        for (auto it = fields.begin(); it != fields.end(); ++it)
            if (other.value(it.key()) != it.value())
                return true;
        return false;
    };
    for (qsizetype i = 0; i < events.size(); ++i) {
        const WebhookPayload &p = events.at(i).payload;
        if (!p.updatedAt)
            continue;
        if (c.externalUpdatedAt.isValid() && *p.updatedAt == c.externalUpdatedAt &&
            differsFrom(p.fields, c.remoteState))
            return true;
        for (qsizetype j = i + 1; j < events.size(); ++j) {
            const WebhookPayload &q = events.at(j).payload;
            if (q.updatedAt && *q.updatedAt == *p.updatedAt && q.fields != p.fields)
                return true;
        }
    }
    return false;
}

void InboundProcessor::logIgnored(const Integration &integration, qint64 ticketId, const QString &why)
{
    SyncLogEntry e;
    e.integrationId = integration.id;
    e.ticketId = ticketId;
    e.direction = SyncDirection::Inbound;
    e.source = ChangeSource::Webhook;
    e.event = QStringLiteral("ticket.event");
    e.result = SyncResult::Ignored;
    e.error = why;
    logIfFailed(SyncLog(m_db, m_clock).append(e), "sync log");
}

bool InboundProcessor::intakeAccepts(const Integration &integration, const Ticket &ticket) const
{
    if (ticket.spam || ticket.deleted)
        return false;
    const IntegrationSettings s = IntegrationSettings::fromJson(integration.settings);
    switch (s.intake) {
    case IntegrationSettings::Intake::All:
        return true;
    case IntegrationSettings::Intake::None:
        return false;
    case IntegrationSettings::Intake::Group:
        return s.defaultGroupId && ticket.groupId == s.defaultGroupId;
    case IntegrationSettings::Intake::Assigned:
        return (integration.agentId && ticket.responderId == integration.agentId) ||
               (s.defaultGroupId && ticket.groupId == s.defaultGroupId);
    }
    return false;
}

void InboundProcessor::handOver(qint64 inboxId, const WebhookPayload &payload)
{
    if (m_handed.size() >= kMaxHandedOver)
        m_handed.clear(); // they are parsed from the store instead
    m_handed.insert(inboxId, payload);
}

void InboundProcessor::noteRetry(const QDateTime &at)
{
    if (!m_nextRetry || at < *m_nextRetry)
        m_nextRetry = at;
}

void InboundProcessor::finish(const QList<Parsed> &events, const Status &status, InboundReport *report)
{
    Inbox inbox(m_db, m_clock);
    for (const Parsed &p : events) {
        ++report->processed;
        if (status) {
            m_handed.remove(p.event.id);
            logIfFailed(inbox.markDone(p.event.id, p.event.coalesced), "inbox bookkeeping");
        } else if (status.error().isTransient() && p.event.attempts + 1 < m_maxAttempts) {
            logIfFailed(inbox.recordAttempt(p.event.id, status.error().message), "inbox bookkeeping");
            ++report->deferred;
            noteRetry(m_clock.nowUtc().addSecs(qint64(1) << std::min(p.event.attempts + 1, 8)));
        } else {
            m_handed.remove(p.event.id);
            logIfFailed(inbox.markFailed(p.event.id, status.error().message), "inbox bookkeeping");
            ++report->failed;
        }
    }
}

QCoro::Task<InboundReport> InboundProcessor::processPending(int limit)
{
    InboundReport report;
    m_nextRetry.reset();
    auto pending = Inbox(m_db, m_clock).pending(limit);
    if (!pending) {
        qCWarning(lcSync) << "inbox unreadable:" << pending.error().detail;
        co_return report;
    }
    if (pending->size() >= limit)
        noteRetry(m_clock.nowUtc()); // more than one batch waits: the next pass follows at once
    // Group by (integration, ticket), keeping arrival order; events waiting for their backoff are left alone.
    QList<QPair<QString, qint64>> order;
    QHash<QPair<QString, qint64>, QList<Parsed>> groups;
    const QDateTime now = m_clock.nowUtc();
    for (const InboxEvent &e : std::as_const(*pending)) {
        if (m_filter && !m_filter(e.integrationId))
            continue; // another process holds this integration's lease
        if (e.attempts > 0 && e.lastAttemptAt.isValid() &&
            e.lastAttemptAt.addSecs(qint64(1) << std::min(e.attempts, 8)) > now) {
            noteRetry(e.lastAttemptAt.addSecs(qint64(1) << std::min(e.attempts, 8)));
            continue;
        }
        const auto handed = m_handed.constFind(e.id);
        auto parsed = handed != m_handed.cend() ? Result<WebhookPayload>(*handed) : m_parser(e);
        if (!parsed || !parsed->ticketId) {
            m_handed.remove(e.id);
            const QString why = parsed ? QStringLiteral("The webhook names no ticket id.") : parsed.error().message;
            logIfFailed(Inbox(m_db, m_clock).markFailed(e.id, why), "inbox bookkeeping");
            ++report.failed;
            ++report.processed;
            continue;
        }
        const auto key = qMakePair(e.integrationId, *parsed->ticketId);
        if (!groups.contains(key))
            order << key;
        groups[key].append({e, *parsed});
    }
    // Many tickets of one integration waiting for a fetch: one listing by updated_since serves them all.
    QHash<QString, std::optional<Integration>> integrations;
    QHash<QString, QList<BurstLister::Wanted>> wanted;
    for (const auto &key : std::as_const(order)) {
        if (!integrations.contains(key.first)) {
            auto i = IntegrationStore(m_db, m_clock).get(key.first);
            integrations.insert(key.first, i && i->state == QLatin1String("active") ? std::optional<Integration>(*i)
                                                                                    : std::nullopt);
        }
        const auto &integration = integrations.value(key.first);
        if (integration && needsFetch(*integration, key.second, groups.value(key))) {
            QDateTime earliest;
            for (const Parsed &p : groups.value(key))
                if (!earliest.isValid() || p.event.receivedAt < earliest)
                    earliest = p.event.receivedAt;
            wanted[key.first].append({key.second, earliest});
        }
    }
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        HelpdeskClient *client = m_clients ? m_clients(it.key()) : nullptr;
        if (client && it->size() >= BurstLister::kMinTickets)
            report.listCalls += co_await m_lister.list(it.key(), client, *it);
    }
    for (const auto &key : std::as_const(order)) {
        const auto &integration = integrations.value(key.first);
        if (!integration) {
            auto i = IntegrationStore(m_db, m_clock).get(key.first);
            const Error e =
                i ? Error::make(Error::Kind::Unsupported, QStringLiteral("The integration is disconnected."))
                  : i.error();
            finish(groups.value(key), e, &report);
            continue;
        }
        QDateTime latest;
        for (const Parsed &p : groups.value(key))
            if (!latest.isValid() || p.event.receivedAt > latest)
                latest = p.event.receivedAt;
        co_await processTicket(*integration, key.second, groups.value(key),
                               m_lister.take(key.first, key.second, latest), &report);
    }
    co_return report;
}

QCoro::Task<> InboundProcessor::processTicket(Integration integration, qint64 ticketId, QList<Parsed> events,
                                              std::optional<Ticket> listed, InboundReport *report)
{
    RemoteApplier applier(m_db, m_clock, m_mapper);
    auto existing = CaseStore(m_db, m_clock)
                        .findByExternal(integration.workspaceId, integration.provider, integration.domain, ticketId);
    if (!existing) {
        finish(events, existing.error(), report);
        co_return;
    }
    const bool anyThin =
        std::any_of(events.cbegin(), events.cend(), [](const Parsed &p) { return p.payload.isThin(); });
    const bool anyNote =
        std::any_of(events.cbegin(), events.cend(), [](const Parsed &p) { return mayCarryConversation(p.payload); });
    const qint64 latency = events.constFirst().event.receivedAt.isValid()
                               ? events.constFirst().event.receivedAt.msecsTo(m_clock.nowUtc())
                               : 0;

    if (existing->has_value() && !anyThin && !sameSecondAmbiguity(**existing, events)) {
        std::stable_sort(events.begin(), events.end(),
                         [](const Parsed &a, const Parsed &b) { return *a.payload.updatedAt < *b.payload.updatedAt; });
        Case c = **existing;
        for (const Parsed &p : std::as_const(events)) {
            auto applied = applier.applyRemoteFields(c, p.payload.fields, *p.payload.updatedAt, ChangeSource::Webhook,
                                                     QStringLiteral("ticket.") + p.payload.event, latency);
            if (!applied) {
                finish(events, applied.error(), report);
                co_return;
            }
            if (!applied->applied.isEmpty())
                ++report->applied;
            auto refreshed = CaseStore(m_db, m_clock).get(c.id);
            if (refreshed)
                c = *refreshed;
        }
        Status st = Ok{};
        if (anyNote)
            st = co_await copyComments(integration, c.id, ticketId, report);
        finish(events, st, report);
        co_return;
    }

    HelpdeskClient *client = m_clients ? m_clients(integration.id) : nullptr;
    if (!client) {
        finish(events, Error::make(Error::Kind::Unavailable, QStringLiteral("The helpdesk client is not ready.")),
               report);
        co_return;
    }
    Result<Ticket> ticket; // from the burst listing, or fetched now
    if (listed) {
        ticket = *listed;
    } else {
        ++report->fetches;
        const QStringList include{QStringLiteral("requester")}; // GCC 12: no literal arrays inside a co_await
        ticket = co_await client->getTicket(ticketId, include);
    }
    if (!ticket) {
        if (ticket.error().kind == Error::Kind::NotFound) {
            logIgnored(integration, ticketId, QStringLiteral("the ticket no longer exists in the helpdesk"));
            finish(events, Ok{}, report);
        } else {
            finish(events, ticket.error(), report);
        }
        co_return;
    }
    const bool create = !existing->has_value() && intakeAccepts(integration, *ticket);
    if (!existing->has_value() && !create) {
        logIgnored(integration, ticketId,
                   QStringLiteral("not linked, and the intake mode (%1) does not create a case for it")
                       .arg(integration.settings.value(QStringLiteral("intake")).toString(QStringLiteral("all"))));
        finish(events, Ok{}, report);
        co_return;
    }
    const QString event = create ? QStringLiteral("ticket.created") : QStringLiteral("ticket.fetched");
    auto applied = applier.applyTicket(integration, *ticket, ChangeSource::Webhook, event, create, latency);
    if (!applied) {
        finish(events, applied.error(), report);
        co_return;
    }
    if (applied->created)
        ++report->created;
    else if (!applied->applied.isEmpty())
        ++report->applied;
    Status st = Ok{};
    if (anyNote || applied->created)
        st = co_await copyComments(integration, applied->caseId, ticketId, report);
    finish(events, st, report);
}

QCoro::Task<Status> InboundProcessor::copyComments(Integration integration, qint64 caseId, qint64 ticketId,
                                                   InboundReport *report)
{
    HelpdeskClient *client = m_clients ? m_clients(integration.id) : nullptr;
    ++report->conversationCopies;
    auto copied = co_await m_conversations.copy(integration, client, caseId, ticketId, ChangeSource::Webhook);
    if (!copied)
        co_return copied.error();
    co_return Ok{};
}

} // namespace cb
