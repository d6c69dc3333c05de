#include "outboundpusher.h"

#include "common/clock.h"
#include "common/logging.h"
#include "domain/integrationsettings.h"
#include "helpdesk/helpdeskclient.h"
#include "storage/casestore.h"
#include "storage/commentstore.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "storage/outbox.h"
#include "storage/synclog.h"
#include "sync/ticketmapper.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

namespace cb {

OutboundPusher::OutboundPusher(Database &db, const Clock &clock, const TicketMapper &mapper, ClientFor clients)
    : m_db(db)
    , m_clock(clock)
    , m_mapper(mapper)
    , m_clients(std::move(clients))
{}

void OutboundPusher::setBackoff(qint64 baseMs, qint64 maxMs)
{
    m_backoffBaseMs = baseMs;
    m_backoffMaxMs = maxMs;
}

QString OutboundPusher::markerFor(qint64 outboxId)
{
    return QStringLiteral("<!-- casebridge:outbox:%1 -->").arg(outboxId);
}

void OutboundPusher::log(const Case &c, const QString &event, const QJsonObject &changes, SyncResult result,
                         const QString &error, std::optional<qint64> latencyMs)
{
    SyncLogEntry e = SyncLogEntry::forCase(c, SyncDirection::Outbound, ChangeSource::User, event);
    e.changes = changes;
    e.result = result;
    e.error = error;
    e.latencyMs = latencyMs;
    if (auto r = SyncLog(m_db, m_clock).append(e); !r)
        qCWarning(lcSync) << "could not log a push:" << r.error().detail;
}

QCoro::Task<PushReport> OutboundPusher::pushDue(int limit)
{
    PushReport report;
    Outbox outbox(m_db, m_clock);
    auto due = outbox.due(limit);
    if (!due) {
        qCWarning(lcSync) << "outbox unreadable:" << due.error().detail;
        co_return report;
    }
    for (const OutboxItem &item : std::as_const(*due)) {
        if (m_filter && !m_filter(item.integrationId))
            continue; // another process holds this integration's lease
        co_await pushOne(item, &report);
    }
    co_return report;
}

QCoro::Task<> OutboundPusher::pushOne(OutboxItem item, PushReport *report)
{
    Outbox outbox(m_db, m_clock);
    auto c = CaseStore(m_db, m_clock).get(item.caseId);
    if (!c) {
        logIfFailed(outbox.markDead(item.id, c.error().message), "outbox bookkeeping");
        ++report->dead;
        co_return;
    }
    HelpdeskClient *client = m_clients ? m_clients(item.integrationId) : nullptr;
    if (!client || !c->externalTicketId) {
        const QString why = QCoreApplication::translate(
            "cb::CoreMessages", "The integration is not connected; reconnect it to push this change.");
        logIfFailed(outbox.scheduleRetry(item.id, m_clock.nowUtc().addMSecs(m_backoffMaxMs), why),
                    "outbox bookkeeping");
        ++report->retried;
        co_return;
    }
    if (auto st = outbox.markInflight(item.id); !st)
        co_return;
    item.attempts += 1;
    if (item.op == OutboxOp::Update) {
        co_await pushUpdate(item, *c, client, report);
    } else if (item.op == OutboxOp::Note || item.op == OutboxOp::Reply) {
        co_await pushComment(item, *c, client, report);
    } else if (item.op == OutboxOp::Handoff) {
        auto integration = IntegrationStore(m_db, m_clock).get(item.integrationId);
        if (!integration) {
            failed(item, *c, integration.error(), QStringLiteral("ticket.handoff"), report);
            co_return;
        }
        co_await pushHandoff(item, *c, *integration, client, report);
    } else {
        logIfFailed(outbox.markDead(item.id, QStringLiteral("unknown operation")), "outbox bookkeeping");
        ++report->dead;
    }
}

QCoro::Task<> OutboundPusher::pushUpdate(OutboxItem item, Case c, HelpdeskClient *client, PushReport *report)
{
    Outbox outbox(m_db, m_clock);
    QJsonObject wanted = item.payload.value(QStringLiteral("fields")).toObject();

    // A field equal to the last known remote value is not sent. It is an echo (logged echo_dropped) when an
    // inbound change set that very value within the echo window, else merely unchanged. A field that differs
    // from the remote is always sent, even if an inbound change carried the same value earlier: our own push
    // may have changed the remote since, and dropping it would leave the two sides apart.
    const CaseChanges remote = m_mapper.caseChangesFromRemote(c.remoteState);
    auto recent = SyncLog(m_db, m_clock)
                      .inboundSince(c.integrationId, *c.externalTicketId, m_clock.nowUtc().addMSecs(-m_echoWindowMs));
    QJsonObject echoed;
    QJsonObject unchanged;
    for (auto it = wanted.begin(); it != wanted.end();) {
        const QVariant r = remote.value(it.key());
        const bool same = remote.contains(it.key()) && ((r.isNull() && it.value().isNull()) ||
                                                        (!r.isNull() && QJsonValue::fromVariant(r) == it.value()) ||
                                                        (r.typeId() == QMetaType::LongLong && it.value().isDouble() &&
                                                         r.toLongLong() == qint64(it.value().toDouble())));
        if (!same) {
            ++it;
            continue;
        }
        bool echo = false;
        if (recent) {
            for (const SyncLogEntry &e : std::as_const(*recent)) {
                const QJsonObject change = e.changes.value(it.key()).toObject();
                if (!change.isEmpty() && change.value(QStringLiteral("to")) == it.value()) {
                    echo = true;
                    break;
                }
            }
        }
        (echo ? echoed : unchanged).insert(it.key(), it.value());
        it = wanted.erase(it);
    }
    if (!echoed.isEmpty()) {
        log(c, QStringLiteral("ticket.update"), echoed, SyncResult::EchoDropped);
        ++report->echoDropped;
    }
    if (wanted.isEmpty()) {
        if (echoed.isEmpty()) {
            log(c, QStringLiteral("ticket.update"), unchanged, SyncResult::Unchanged);
            ++report->unchanged;
        }
        logIfFailed(outbox.markDone(item.id), "outbox bookkeeping");
        co_return;
    }
    auto fields = m_mapper.ticketFieldsFromCase(wanted);
    if (!fields) {
        logIfFailed(outbox.markDead(item.id, fields.error().message), "outbox bookkeeping");
        log(c, QStringLiteral("ticket.update"), wanted, SyncResult::Dead, fields.error().message);
        ++report->dead;
        co_return;
    }
    QElapsedTimer timer;
    timer.start();
    const qint64 ticketId = *c.externalTicketId;
    auto updated = co_await client->updateTicket(ticketId, *fields);
    if (!updated) {
        failed(item, c, updated.error(), QStringLiteral("ticket.update"), report);
        co_return;
    }
    QJsonObject changes;
    for (auto it = wanted.begin(); it != wanted.end(); ++it) {
        changes.insert(it.key(), QJsonObject{{QStringLiteral("from"), QJsonValue::fromVariant(remote.value(it.key()))},
                                             {QStringLiteral("to"), it.value()}});
    }
    logIfFailed(CaseStore(m_db, m_clock).setRemoteState(c.id, TicketMapper::remoteState(*updated), updated->updatedAt),
                "outbox bookkeeping");
    logIfFailed(outbox.markDone(item.id), "outbox bookkeeping");
    log(c, QStringLiteral("ticket.update"), changes, SyncResult::Applied, {}, timer.elapsed());
    ++report->pushed;
}

QCoro::Task<> OutboundPusher::pushComment(OutboxItem item, Case c, HelpdeskClient *client, PushReport *report)
{
    Outbox outbox(m_db, m_clock);
    const qint64 ticketId = *c.externalTicketId;
    const QString marker = markerFor(item.id);
    const qint64 commentId = qint64(item.payload.value(QStringLiteral("comment_id")).toDouble());
    const bool isPrivate = item.op == OutboxOp::Note && item.payload.value(QStringLiteral("private")).toBool(true);
    const QString event = item.op == OutboxOp::Note ? QStringLiteral("note.create") : QStringLiteral("reply.create");
    QJsonObject changes{{QStringLiteral("private"), isPrivate}};

    // An earlier attempt may have reached the helpdesk without us hearing back: look before posting again.
    if (item.attempts > 1) {
        auto existing = co_await client->listConversations(ticketId);
        if (!existing) {
            failed(item, c, existing.error(), event, report);
            co_return;
        }
        for (const Conversation &conv : std::as_const(*existing)) {
            if (conv.body.contains(marker)) {
                if (commentId > 0)
                    logIfFailed(CommentStore(m_db, m_clock).setExternalId(commentId, conv.id), "outbox bookkeeping");
                logIfFailed(outbox.markDone(item.id), "outbox bookkeeping");
                changes.insert(QStringLiteral("conversation_id"), conv.id);
                log(c, event, changes, SyncResult::Applied, QStringLiteral("found from an earlier attempt"));
                ++report->pushed;
                co_return;
            }
        }
    }
    const QString body = item.payload.value(QStringLiteral("body")).toString() + marker;
    QElapsedTimer timer;
    timer.start();
    // Two statements, not a conditional expression: GCC 12 destroys a co_await temporary in `?:` twice.
    Result<Conversation> posted;
    if (item.op == OutboxOp::Note)
        posted = co_await client->addNote(ticketId, body, isPrivate);
    else
        posted = co_await client->reply(ticketId, body);
    if (!posted) {
        failed(item, c, posted.error(), event, report);
        co_return;
    }
    if (commentId > 0)
        logIfFailed(CommentStore(m_db, m_clock).setExternalId(commentId, posted->id), "outbox bookkeeping");
    logIfFailed(outbox.markDone(item.id), "outbox bookkeeping");
    changes.insert(QStringLiteral("conversation_id"), posted->id);
    log(c, event, changes, SyncResult::Applied, {}, timer.elapsed());
    ++report->pushed;
}

QCoro::Task<> OutboundPusher::pushHandoff(OutboxItem item, Case c, Integration integration, HelpdeskClient *client,
                                          PushReport *report)
{
    Outbox outbox(m_db, m_clock);
    const IntegrationSettings s = IntegrationSettings::fromJson(integration.settings);
    const QJsonObject marker{{s.markerField, true}};
    QList<QJsonObject> attempts;
    switch (s.handoff) {
    case IntegrationSettings::HandoffMode::UnassignReopen:
        attempts << QJsonObject{{QStringLiteral("responder_id"), QJsonValue::Null}, {QStringLiteral("status"), 2}};
        break;
    case IntegrationSettings::HandoffMode::UnassignMarker:
        break;
    case IntegrationSettings::HandoffMode::AssignAgent:
        attempts << QJsonObject{{QStringLiteral("responder_id"), s.handoffTargetId.value_or(0)},
                                {QStringLiteral("custom_fields"), marker}};
        break;
    case IntegrationSettings::HandoffMode::AssignGroup:
        attempts << QJsonObject{{QStringLiteral("group_id"), s.handoffTargetId.value_or(0)},
                                {QStringLiteral("responder_id"), QJsonValue::Null},
                                {QStringLiteral("custom_fields"), marker}};
        break;
    }
    // Fallbacks: never leave the ticket assigned to the integration's agent.
    attempts << QJsonObject{{QStringLiteral("responder_id"), QJsonValue::Null},
                            {QStringLiteral("custom_fields"), marker}};
    attempts << QJsonObject{{QStringLiteral("responder_id"), QJsonValue::Null}};

    const qint64 ticketId = *c.externalTicketId;
    QElapsedTimer timer;
    timer.start();
    Error last;
    for (int i = 0; i < attempts.size(); ++i) {
        auto updated = co_await client->updateTicket(ticketId, attempts.at(i));
        if (updated) {
            CaseWriteContext ctx;
            ctx.event = QStringLiteral("ticket.handoff");
            ctx.queuePush = false;
            QJsonObject state = TicketMapper::remoteState(*updated);
            state.remove(QStringLiteral("updated_at"));
            logIfFailed(CaseStore(m_db, m_clock)
                            .updateCase(c.id, m_mapper.caseChangesFromRemote(state), ChangeSource::User, ctx),
                        "outbox bookkeeping");
            logIfFailed(
                CaseStore(m_db, m_clock).setRemoteState(c.id, TicketMapper::remoteState(*updated), updated->updatedAt),
                "outbox bookkeeping");
            logIfFailed(outbox.markDone(item.id), "outbox bookkeeping");
            QJsonObject sent = attempts.at(i);
            sent.insert(QStringLiteral("fallback"),
                        i > 0 && s.handoff != IntegrationSettings::HandoffMode::UnassignMarker);
            log(c, QStringLiteral("ticket.handoff"), sent, SyncResult::Applied, {}, timer.elapsed());
            ++report->pushed;
            co_return;
        }
        last = updated.error();
        const bool targetGone = last.kind == Error::Kind::NotFound || last.kind == Error::Kind::Usage ||
                                last.httpStatus == 400 || last.httpStatus == 404;
        if (!targetGone)
            break;
    }
    failed(item, c, last, QStringLiteral("ticket.handoff"), report);
}

void OutboundPusher::failed(const OutboxItem &item, const Case &c, const Error &error, const QString &event,
                            PushReport *report)
{
    Outbox outbox(m_db, m_clock);
    const bool transient = error.isTransient() || error.kind == Error::Kind::Internal;
    if (transient && item.attempts < m_maxAttempts) {
        qint64 delayMs = 0;
        if (error.retryAfterSeconds >= 0) {
            delayMs = qint64(error.retryAfterSeconds) * 1000;
        } else {
            const qint64 exp = m_backoffBaseMs << std::min(item.attempts - 1, 20);
            delayMs = std::min(exp, m_backoffMaxMs);
            delayMs += QRandomGenerator::global()->bounded(qint64(delayMs / 4 + 1)); // jitter
        }
        logIfFailed(outbox.scheduleRetry(item.id, m_clock.nowUtc().addMSecs(delayMs), error.message),
                    "outbox bookkeeping");
        log(c, event, {}, SyncResult::Failed,
            QCoreApplication::translate("cb::CoreMessages", "%1 Retrying in %2 s.")
                .arg(error.message)
                .arg((delayMs + 999) / 1000));
        ++report->retried;
        return;
    }
    logIfFailed(outbox.markDead(item.id, error.message), "outbox bookkeeping");
    log(c, event, item.payload.value(QStringLiteral("fields")).toObject(), SyncResult::Dead, error.message);
    ++report->dead;
}

} // namespace cb
