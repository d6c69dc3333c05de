#pragma once

#include "common/result.h"
#include "domain/outboxitem.h"

#include <QCoroTask>
#include <QObject>

#include <functional>

namespace cb {

class Clock;
class Database;
class HelpdeskClient;
class TicketMapper;
struct Case;
struct Integration;

struct PushReport
{
    int pushed = 0;
    int echoDropped = 0;
    int unchanged = 0;
    int retried = 0;
    int dead = 0;
};

// Drains the durable outbox (only source=user work is ever there): drops pushes that echo an inbound change
// of the last 10 s, sends only fields that differ from the last known remote state, retries transient failures
// with exponential backoff (or exactly Retry-After), then gives up as `dead` with a log entry. Notes and replies
// carry a hidden marker and are looked up on the ticket before any retry, so an unknown outcome never posts twice.
class OutboundPusher
{
public:
    using ClientFor = std::function<HelpdeskClient *(const QString &integrationId)>;
    using Filter = std::function<bool(const QString &integrationId)>;

    OutboundPusher(Database &db, const Clock &clock, const TicketMapper &mapper, ClientFor clients);

    void setEchoWindowMs(qint64 ms) { m_echoWindowMs = ms; }
    void setMaxAttempts(int n) { m_maxAttempts = n; }
    void setBackoff(qint64 baseMs, qint64 maxMs);
    // Only items of integrations the filter accepts are pushed (SyncEngine: those whose lease it holds).
    void setIntegrationFilter(Filter filter) { m_filter = std::move(filter); }

    QCoro::Task<PushReport> pushDue(int limit = 50);

    static QString markerFor(qint64 outboxId);

private:
    QCoro::Task<> pushOne(OutboxItem item, PushReport *report);
    QCoro::Task<> pushUpdate(OutboxItem item, Case c, HelpdeskClient *client, PushReport *report);
    QCoro::Task<> pushComment(OutboxItem item, Case c, HelpdeskClient *client, PushReport *report);
    QCoro::Task<> pushHandoff(OutboxItem item, Case c, Integration integration, HelpdeskClient *client,
                              PushReport *report);
    void failed(const OutboxItem &item, const Case &c, const Error &error, const QString &event, PushReport *report);
    void log(const Case &c, const QString &event, const QJsonObject &changes, SyncResult result,
             const QString &error = {}, std::optional<qint64> latencyMs = {});

    Database &m_db;
    const Clock &m_clock;
    const TicketMapper &m_mapper;
    ClientFor m_clients;
    Filter m_filter;
    qint64 m_echoWindowMs = 10000;
    int m_maxAttempts = 8;
    qint64 m_backoffBaseMs = 2000;
    qint64 m_backoffMaxMs = 300000;
};

} // namespace cb
