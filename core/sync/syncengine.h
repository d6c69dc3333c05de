#pragma once

#include "common/result.h"
#include "domain/integration.h"
#include "storage/retentionpruner.h"
#include "sync/inboundprocessor.h"
#include "sync/outboundpusher.h"
#include "sync/reconciler.h"
#include "sync/ticketmapper.h"

#include <QCoroTask>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace cb {

class Clock;
class Database;
class HelpdeskClient;
class SyncLease;

// The sync core on its thread. A pass (tick) refreshes the integrations, renews its leases, processes committed
// webhooks, drains the outbox, runs a reconcile cycle when one is due (one at start, then every interval), and
// prunes what is past retention in small batches. It does not poll: a pass runs when woken (wake(): a committed
// inbox batch, a change another process committed, a user action; coalesced while a pass runs) and at the next
// moment something falls due (an outbox or inbox retry, a reconcile, pruning, a standby's lease check every
// second, a helpdesk client that could not be made every 5 s) by one single-shot timer. Only the lease holder works;
// another engine on the same store waits as a standby and takes over when the holder's lease goes (SyncLease: a
// PostgreSQL advisory lock, or a file lock beside the SQLite store; both die with their process).
class SyncEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)

public:
    using ClientFactory = std::function<QCoro::Task<Result<std::unique_ptr<HelpdeskClient>>>(Integration)>;

    SyncEngine(Database &db, const Clock &clock, ClientFactory clients, InboundProcessor::Parser parser,
               QString role = QStringLiteral("engine"), QObject *parent = nullptr);
    ~SyncEngine() override;

    void start();
    void stop();
    // Something may be waiting (a committed webhook, an edit, another process's change): a pass runs at once, or
    // right after the one running. Does nothing before start().
    void wake();
    // When the next pass is scheduled (invalid while none is, or while stopped); tests and the bench look.
    QDateTime nextPassAt() const { return m_nextPassAt; }
    void setReconcileIntervalSec(int seconds); // overrides the integrations' own setting when > 0
    void setReconcileOnStart(bool on) { m_reconcileOnStart = on; }
    // How long processed inbox rows and sync-log rows are kept (defaults 30 and 90 days).
    void setRetention(RetentionPruner::Options options) { m_retention = options; }

    // One pass of everything, awaited (tests, `reconcile` CLI).
    QCoro::Task<> tick();
    QCoro::Task<Result<ReconcileReport>> reconcileNow(QString integrationId);
    HelpdeskClient *client(const QString &integrationId) const;
    bool holdsLease(const QString &integrationId) const;
    QDateTime lastReconcileAt(const QString &integrationId) const { return m_lastReconcile.value(integrationId); }
    OutboundPusher &pusher() { return m_pusher; }
    InboundProcessor &inbound() { return m_inbound; }

Q_SIGNALS:
    void logAppended(qint64 lastId);
    void clientError(const QString &integrationId, const QString &message);

private:
    void handleTimer();
    QCoro::Task<> refreshIntegrations();
    // After a pass: the single-shot timer is set to the earliest moment something falls due.
    void scheduleNext(bool standby, bool storeFailed);

    Database &m_db;
    const Clock &m_clock;
    ClientFactory m_factory;
    TicketMapper m_mapper;
    InboundProcessor m_inbound;
    OutboundPusher m_pusher;
    Reconciler m_reconciler;
    std::unique_ptr<SyncLease> m_lease;
    QTimer m_timer; // single-shot: the next pass
    QDateTime m_nextPassAt;
    bool m_running = false;
    bool m_wakeAgain = false; // woken while a pass ran: another one follows at once
    bool m_busy = false;
    bool m_reconcileOnStart = true;
    int m_reconcileOverrideSec = 0;
    qint64 m_lastLogId = 0;
    QDateTime m_lastReconnect;
    RetentionPruner::Options m_retention;
    QDateTime m_nextPrune; // one batch per tick while there is a backlog, else a look once a minute
    QHash<QString, Integration> m_integrations;
    QHash<QString, std::shared_ptr<HelpdeskClient>> m_clients;
    QHash<QString, QDateTime> m_nextReconcile;
    QHash<QString, QDateTime> m_lastReconcile;
    QHash<QString, QDateTime> m_lastDirectoryRefresh;
    static constexpr qint64 DirectoryRefreshSec = 3600;
    static constexpr qint64 StandbyRetryMs = 1000; // a standby checks whether the holder's lease went
    static constexpr qint64 ClientRetryMs = 5000;  // an integration whose client could not be made
    static constexpr qint64 MaxSleepMs = 3600 * 1000;
    QHash<QString, bool> m_leases;
};

} // namespace cb
