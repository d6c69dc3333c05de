#include "syncengine.h"

#include "common/clock.h"
#include "common/logging.h"
#include "domain/integrationsettings.h"
#include "helpdesk/helpdeskclient.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "storage/outbox.h"
#include "storage/synclease.h"
#include "storage/synclog.h"
#include "sync/directoryrefresher.h"

#include <QPointer>

#include <algorithm>

namespace cb {

SyncEngine::SyncEngine(Database &db, const Clock &clock, ClientFactory clients, InboundProcessor::Parser parser,
                       QString role, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_factory(std::move(clients))
    , m_inbound(
          db, clock, m_mapper, [this](const QString &id) { return client(id); }, std::move(parser))
    , m_pusher(db, clock, m_mapper, [this](const QString &id) { return client(id); })
    , m_reconciler(db, clock, m_mapper)
    , m_lease(SyncLease::create(db, clock, SyncLease::makeHolderName(role)))
{
    // Each integration's inbox and outbox are worked by the holder of its lease only.
    m_inbound.setIntegrationFilter([this](const QString &id) { return holdsLease(id); });
    m_pusher.setIntegrationFilter([this](const QString &id) { return holdsLease(id); });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::handleTimer);
    if (auto last = SyncLog(m_db, m_clock).lastId())
        m_lastLogId = *last;
}

SyncEngine::~SyncEngine()
{
    stop();
}

void SyncEngine::setReconcileIntervalSec(int seconds)
{
    m_reconcileOverrideSec = seconds;
}

void SyncEngine::start()
{
    m_running = true;
    handleTimer();
}

void SyncEngine::wake()
{
    if (!m_running)
        return;
    if (m_busy) {
        m_wakeAgain = true;
        return;
    }
    if (!m_timer.isActive() || m_timer.remainingTime() > 0) {
        m_nextPassAt = m_clock.nowUtc();
        m_timer.start(0);
    }
}

void SyncEngine::stop()
{
    m_running = false;
    m_wakeAgain = false;
    m_nextPassAt = QDateTime();
    m_timer.stop();
    for (auto it = m_leases.cbegin(); it != m_leases.cend(); ++it) {
        if (it.value())
            logIfFailed(m_lease->release(it.key()), "lease release");
    }
    m_leases.clear();
}

HelpdeskClient *SyncEngine::client(const QString &integrationId) const
{
    return m_clients.value(integrationId).get();
}

bool SyncEngine::holdsLease(const QString &integrationId) const
{
    return m_leases.value(integrationId, false);
}

void SyncEngine::handleTimer()
{
    if (m_busy) {
        m_wakeAgain = true;
        return;
    }
    tick();
}

void SyncEngine::scheduleNext(bool standby, bool storeFailed)
{
    if (!m_running)
        return;
    const QDateTime now = m_clock.nowUtc();
    QDateTime next = now.addMSecs(MaxSleepMs);
    auto consider = [&next](const QDateTime &t) {
        if (t.isValid() && t < next)
            next = t;
    };
    if (std::exchange(m_wakeAgain, false))
        consider(now);
    if (standby)
        consider(now.addMSecs(StandbyRetryMs));
    if (storeFailed)
        consider(now.addMSecs(2000));
    for (auto it = m_integrations.cbegin(); it != m_integrations.cend(); ++it) {
        if (!m_clients.contains(it.key()))
            consider(now.addMSecs(ClientRetryMs));
        if (!m_leases.value(it.key()))
            continue;
        const QDateTime due = m_nextReconcile.value(it.key());
        consider(due.isValid() ? due : now); // invalid: its interval is set on the next pass
    }
    if (std::any_of(m_leases.cbegin(), m_leases.cend(), [](bool held) { return held; })) {
        consider(m_nextPrune);
        consider(m_inbound.nextRetryAt().value_or(QDateTime()));
        if (auto due = Outbox(m_db, m_clock).nextAttemptAt(); !due)
            consider(now.addMSecs(2000)); // unreadable: look again soon
        else
            consider(due->value_or(QDateTime()));
    }
    m_nextPassAt = std::max(next, now);
    m_timer.start(int(std::clamp<qint64>(now.msecsTo(next), 0, MaxSleepMs)));
}

QCoro::Task<> SyncEngine::refreshIntegrations()
{
    auto list = IntegrationStore(m_db, m_clock).list();
    if (!list) {
        qCWarning(lcSync) << "integrations unreadable:" << list.error().detail;
        co_return;
    }
    QSet<QString> seen;
    for (const Integration &i : std::as_const(*list)) {
        if (i.state != QLatin1String("active"))
            continue;
        seen.insert(i.id);
        const auto known = m_integrations.constFind(i.id);
        const bool changed =
            known == m_integrations.cend() || known->domain != i.domain || known->settings != i.settings;
        m_integrations.insert(i.id, i);
        if (changed || !m_clients.contains(i.id)) {
            QPointer<SyncEngine> self(this);
            auto made = co_await m_factory(i);
            if (!self)
                co_return;
            if (!made) {
                m_clients.remove(i.id);
                Q_EMIT clientError(i.id, made.error().message);
                continue;
            }
            m_clients.insert(i.id, std::shared_ptr<HelpdeskClient>(std::move(made).value()));
            if (!m_nextReconcile.contains(i.id))
                m_nextReconcile.insert(i.id, m_reconcileOnStart ? m_clock.nowUtc() : QDateTime());
        }
    }
    for (auto it = m_integrations.begin(); it != m_integrations.end();) {
        if (!seen.contains(it.key())) {
            m_clients.remove(it.key());
            if (m_leases.value(it.key()))
                logIfFailed(m_lease->release(it.key()), "lease release");
            m_leases.remove(it.key());
            it = m_integrations.erase(it);
        } else {
            ++it;
        }
    }
}

QCoro::Task<> SyncEngine::tick()
{
    if (m_busy)
        co_return;
    m_busy = true;
    QPointer<SyncEngine> self(this);
    co_await refreshIntegrations();
    if (!self)
        co_return;

    bool any = false;
    bool storeFailed = false;
    for (auto it = m_integrations.cbegin(); it != m_integrations.cend(); ++it) {
        auto held = m_lease->acquire(it.key());
        const bool holds = held && *held;
        if (holds && !m_leases.value(it.key())) {
            // Work a previous holder (a crashed process) left in flight goes back to the queue; notes and replies
            // carry a marker, so one that did reach the helpdesk is found there rather than posted twice.
            // They wait a few seconds first: the lease now passes the moment its holder dies (a file or advisory
            // lock), and a request the dead holder had sent may still be landing; its marker is found afterwards.
            if (auto n = Outbox(m_db, m_clock).recoverInflight(it.key(), m_clock.nowUtc().addSecs(5)); n && *n > 0)
                qCInfo(lcSync) << "recovered" << *n << "outbox items left in flight by a previous run";
        }
        m_leases.insert(it.key(), holds);
        any = any || (held && *held);
        storeFailed = storeFailed || !held;
    }
    if (storeFailed && m_db.isPostgres() && !m_db.inTransaction() &&
        (!m_lastReconnect.isValid() || m_lastReconnect.msecsTo(m_clock.nowUtc()) >= 2000)) {
        // The lease could not even be checked: the server may have dropped this connection. Stand by (no lease
        // held, nothing pushed) and reconnect, so this process can hold a lease again rather than idle for good.
        m_lastReconnect = m_clock.nowUtc();
        logIfFailed(m_db.reconnect(), "store reconnect");
    }
    if (any) {
        co_await m_inbound.processPending();
        if (!self)
            co_return;
        co_await m_pusher.pushDue();
        if (!self)
            co_return;
        const QList<QString> ids = m_integrations.keys();
        for (const QString &id : ids) {
            if (!m_leases.value(id))
                continue;
            const QDateTime due = m_nextReconcile.value(id);
            if (!due.isValid()) {
                const int interval =
                    m_reconcileOverrideSec > 0
                        ? m_reconcileOverrideSec
                        : IntegrationSettings::fromJson(m_integrations.value(id).settings).reconcileIntervalSec;
                m_nextReconcile.insert(id, m_clock.nowUtc().addSecs(interval));
                continue;
            }
            if (due > m_clock.nowUtc())
                continue;
            auto report = co_await reconcileNow(id);
            if (!self)
                co_return;
            if (!report)
                qCWarning(lcSync) << "reconcile failed:" << report.error().detail;
        }
        if (const QDateTime now = m_clock.nowUtc(); !m_nextPrune.isValid() || m_nextPrune <= now) {
            auto pruned = RetentionPruner(m_db, m_clock, m_retention).pruneBatch();
            if (!pruned)
                qCWarning(lcSync) << "pruning failed:" << pruned.error().detail;
            else if (pruned->inboxRows + pruned->logRows > 0)
                qCInfo(lcSync) << "pruned" << pruned->inboxRows << "processed inbox rows and" << pruned->logRows
                               << "sync-log rows past retention";
            m_nextPrune = pruned && pruned->more ? now : now.addSecs(60);
        }
    }
    if (auto last = SyncLog(m_db, m_clock).lastId(); last && *last != m_lastLogId) {
        m_lastLogId = *last;
        Q_EMIT logAppended(m_lastLogId);
    }
    m_busy = false;
    scheduleNext(!m_integrations.isEmpty() &&
                     !std::all_of(m_leases.cbegin(), m_leases.cend(), [](bool h) { return h; }),
                 storeFailed);
}

QCoro::Task<Result<ReconcileReport>> SyncEngine::reconcileNow(QString integrationId)
{
    auto integration = IntegrationStore(m_db, m_clock).get(integrationId);
    if (!integration)
        co_return integration.error();
    HelpdeskClient *c = client(integrationId);
    if (!c)
        co_return Error::make(
            Error::Kind::Unavailable,
            QStringLiteral("The helpdesk of integration %1 is not reachable yet.").arg(integrationId));
    const int interval = m_reconcileOverrideSec > 0
                             ? m_reconcileOverrideSec
                             : IntegrationSettings::fromJson(integration->settings).reconcileIntervalSec;
    m_nextReconcile.insert(integrationId, m_clock.nowUtc().addSecs(interval));
    auto report = co_await m_reconciler.runCycle(*integration, c);
    if (report)
        m_lastReconcile.insert(integrationId, m_clock.nowUtc());
    const QDateTime lastNames = m_lastDirectoryRefresh.value(integrationId);
    if (report && (!lastNames.isValid() || lastNames.secsTo(m_clock.nowUtc()) >= DirectoryRefreshSec)) {
        // Names of agents, groups and companies: read with the first cycle, then at most hourly.
        QPointer<SyncEngine> self(this);
        m_lastDirectoryRefresh.insert(integrationId, m_clock.nowUtc());
        auto names = co_await DirectoryRefresher(m_db, m_clock).refresh(*integration, c);
        if (!self)
            co_return report;
        if (!names)
            qCWarning(lcSync) << "directory refresh failed:" << names.error().detail;
    }
    co_return report;
}

} // namespace cb
