#include "remoteapplier.h"

#include "common/clock.h"
#include "domain/integrationsettings.h"
#include "storage/casestore.h"
#include "storage/customerstore.h"
#include "storage/database.h"
#include "storage/outbox.h"
#include "storage/synclog.h"
#include "sync/ticketmapper.h"

#include <QJsonValue>

namespace cb {

namespace {
QJsonValue jsonOf(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return QJsonValue::Null;
    if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
        return QJsonValue(v.toLongLong());
    return QJsonValue(v.toString());
}
} // namespace

RemoteApplier::RemoteApplier(Database &db, const Clock &clock, const TicketMapper &mapper)
    : m_db(db)
    , m_clock(clock)
    , m_mapper(mapper)
{}

Result<ApplyOutcome> RemoteApplier::applyRemoteFields(const Case &c, const QJsonObject &remoteFields,
                                                      const QDateTime &remoteUpdatedAt, ChangeSource source,
                                                      const QString &event, std::optional<qint64> latencyMs)
{
    ApplyOutcome out;
    out.caseId = c.id;
    out.linked = true;
    WriteTransaction tx(m_db);
    if (!tx.started())
        return tx.started().error();

    if (remoteUpdatedAt.isValid() && c.externalUpdatedAt.isValid() && remoteUpdatedAt < c.externalUpdatedAt) {
        out.stale = true;
        SyncLogEntry e = SyncLogEntry::forCase(c, directionFor(source), source, event);
        e.result = SyncResult::Unchanged;
        e.error = QStringLiteral("stale: older than the case's last known remote update");
        e.latencyMs = latencyMs;
        if (auto r = SyncLog(m_db, m_clock).append(e); !r)
            return r.error();
        if (auto st = tx.commit(); !st)
            return st.error();
        return out;
    }

    CaseChanges changes = m_mapper.caseChangesFromRemote(remoteFields);
    auto pending = Outbox(m_db, m_clock).pendingFields(c.id);
    if (!pending)
        return pending.error();
    QJsonObject conflicts;
    QJsonObject agreed; // the remote moved to the value a pending local edit wants: no conflict, but worth a record
    const CaseChanges previousRemote = m_mapper.caseChangesFromRemote(c.remoteState);
    for (const QString &field : std::as_const(*pending)) {
        if (!changes.contains(field))
            continue;
        const QVariant local = caseFieldValue(c, field);
        const QVariant remote = changes.value(field);
        changes.remove(field);
        if (jsonOf(local) == jsonOf(remote)) {
            if (jsonOf(previousRemote.value(field)) != jsonOf(remote))
                agreed.insert(field, QJsonObject{{QStringLiteral("from"), jsonOf(previousRemote.value(field))},
                                                 {QStringLiteral("to"), jsonOf(remote)}});
            continue;
        }
        out.conflicts << field;
        conflicts.insert(field, QJsonObject{{QStringLiteral("local"), jsonOf(local)},
                                            {QStringLiteral("remote"), jsonOf(remote)},
                                            {QStringLiteral("kept"), QStringLiteral("local")}});
    }
    if (!conflicts.isEmpty()) {
        SyncLogEntry e = SyncLogEntry::forCase(c, directionFor(source), source, event);
        e.changes = conflicts;
        e.result = SyncResult::Conflict;
        e.error = QStringLiteral("a local edit is waiting to be pushed; the local value was kept");
        if (auto r = SyncLog(m_db, m_clock).append(e); !r)
            return r.error();
    }

    if (!agreed.isEmpty()) {
        SyncLogEntry e = SyncLogEntry::forCase(c, directionFor(source), source, event);
        e.changes = agreed;
        e.result = SyncResult::Unchanged;
        e.error = QStringLiteral("the helpdesk now has the value a pending local edit sets");
        if (auto r = SyncLog(m_db, m_clock).append(e); !r)
            return r.error();
    }

    CaseWriteContext ctx;
    ctx.event = event;
    ctx.latencyMs = latencyMs;
    auto written = CaseStore(m_db, m_clock).updateCase(c.id, changes, source, ctx);
    if (!written)
        return written.error();
    out.applied = written->changedFields;

    QJsonObject state = c.remoteState;
    for (auto it = remoteFields.begin(); it != remoteFields.end(); ++it)
        state.insert(it.key(), it.value());
    if (remoteUpdatedAt.isValid())
        state.insert(QStringLiteral("updated_at"), toStoreTime(remoteUpdatedAt));
    if (auto st = CaseStore(m_db, m_clock).setRemoteState(c.id, state, remoteUpdatedAt); !st)
        return st.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return out;
}

Result<ApplyOutcome> RemoteApplier::applyTicket(const Integration &integration, const Ticket &ticket,
                                                ChangeSource source, const QString &event, bool createIfMissing,
                                                std::optional<qint64> latencyMs)
{
    CaseStore cases(m_db, m_clock);
    auto existing = cases.findByExternal(integration.workspaceId, integration.provider, integration.domain, ticket.id);
    if (!existing)
        return existing.error();
    if (existing->has_value()) {
        QJsonObject fields = TicketMapper::remoteState(ticket);
        fields.remove(QStringLiteral("updated_at"));
        return applyRemoteFields(**existing, fields, ticket.updatedAt, source, event, latencyMs);
    }
    ApplyOutcome out;
    if (!createIfMissing)
        return out;

    WriteTransaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    Case c = m_mapper.toCase(ticket, integration.id, integration.workspaceId);
    c.externalProvider = integration.provider;
    c.externalAccount = integration.domain;
    if (!ticket.requesterEmail.isEmpty() || !ticket.requesterPhone.isEmpty() || ticket.requesterId) {
        CustomerLinkRequest req;
        req.workspaceId = integration.workspaceId;
        req.provider = integration.provider;
        req.email = ticket.requesterEmail;
        req.name = ticket.requesterName;
        req.phone = ticket.requesterPhone;
        if (!ticket.requesterMobile.isEmpty() && ticket.requesterMobile != ticket.requesterPhone)
            req.otherPhones << ticket.requesterMobile;
        req.phoneCallingCode = IntegrationSettings::fromJson(integration.settings).phoneCallingCode;
        req.requesterId = ticket.requesterId;
        auto linked = CustomerStore(m_db, m_clock).linkOrCreate(req);
        if (!linked)
            return linked.error();
        c.customerId = linked->customerId;
    }
    CaseWriteContext ctx;
    ctx.event = event;
    ctx.latencyMs = latencyMs;
    auto written = cases.upsertByExternalLink(c, source, ctx);
    if (!written)
        return written.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    out.caseId = written->caseId;
    out.created = written->created;
    out.linked = true;
    out.applied = written->changedFields;
    return out;
}

} // namespace cb
