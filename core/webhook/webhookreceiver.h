#pragma once

#include "domain/integration.h"
#include "helpdesk/helpdesktypes.h"
#include "http/clientguard.h"
#include "http/httprequesthandler.h"
#include "webhook/inboxcommitter.h"
#include "webhook/receivermetrics.h"
#include "webhook/receiveroptions.h"
#include "webhook/webhookpayloadparser.h"

#include <QObject>

#include <functional>

namespace cb {

class Clock;
class Database;
struct Integration;

// The webhook receiver's routes (DESIGN.md §5.1), as values — HttpHost carries them over HTTP:
//   POST /api/webhooks/freshdesk/{id}       202 {"status":"accepted","event":N,"duplicate":bool} once committed
//   POST /api/webhooks/freshdesk/{id}/test  200 {"status":"ok","message","source_ip","timestamp"}
//   POST /api/webhooks/freshservice/{id}[/test]  the same, for Freshservice integrations only (404 otherwise);
//                                           /freshdesk/ accepts every provider's integrations
//   GET  /api/health                        200 {"status":"ok","version","integrations","inbox_pending"}
//   GET  /metrics                           Prometheus text (loopback clients only by default)
//   POST /api/telephony/{id}/contact-event  200 the caller's customers and open tickets, from the local store
//                                           (Genesys-style {call_id, phone_number, event_type, timestamp});
//                                           "pop" is true once per call_id (not again on transfer or hold)
// Refusals: 403 (not in the allowlist, banned), 429 + Retry-After (over the client's rate), 413 (body over the
// limit), 404 (unknown integration), 401 (bad or missing secret; no detail), 415 (neither JSON nor form), 400
// (unreadable body — stored as a failed event first), 503 + Retry-After (the store failed; nothing acknowledged).
class WebhookReceiver final : public QObject, public HttpRequestHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookReceiver)

public:
    using UsageProvider = std::function<QHash<QString, ApiUsage>()>;

    WebhookReceiver(Database &db, const Clock &clock, ReceiverOptions options = {}, QObject *parent = nullptr);

    QCoro::Task<HttpResponse> handle(HttpRequest request) override;

    void setUsageProvider(UsageProvider provider) { m_usage = std::move(provider); }
    const ReceiverOptions &options() const { return m_options; }
    const ReceiverMetrics &metrics() const { return m_metrics; }
    int inFlight() const { return m_inFlight; }
    // Graceful stop: refuse new webhooks (503), wait for the ones in flight (at most `timeoutMs`), commit.
    QCoro::Task<> drain(int timeoutMs = 10000);
    // Another process changed the store (ChangeNotifier): integrations are read again on the next request.
    void forgetIntegrations() { m_integrations.clear(); }

Q_SIGNALS:
    // A batch of webhooks is committed to the inbox (InboxCommitter, once per batch): the engine wakes on it.
    void batchCommitted();
    // One webhook committed as a new inbox row, with what was parsed from it (the inbound processor of this
    // process takes it as it is: one parse per webhook). Emitted before its batch wakes the engine's next pass.
    void accepted(qint64 inboxId, const cb::WebhookPayload &payload);
    // A call's first contact event that matched a customer (the console pops it; once per call_id).
    void screenPop(const QString &integrationId, const QString &callId, const QJsonObject &match);

private:
    enum class Route
    {
        Webhook,
        Test,
        ContactEvent
    };
    // pathProvider: the provider segment of a webhook path (empty for contact events).
    QCoro::Task<HttpResponse> receive(HttpRequest request, QString integrationId, Route route, QString pathProvider);
    HttpResponse contactEvent(const HttpRequest &request, const Integration &integration);
    HttpResponse health();
    HttpResponse metricsPage(const HttpRequest &request);
    std::optional<HttpResponse> guard(const HttpRequest &request);
    bool authenticated(const HttpRequest &request, const Integration &integration) const;
    // The integration of a request, from the cache while it is fresh (no store read per webhook).
    Result<Integration> integration(const QString &id);
    HttpResponse reject(int status, const QString &reason, const QString &message);

    Database &m_db;
    const Clock &m_clock;
    ReceiverOptions m_options;
    ClientGuard m_guard;
    ReceiverMetrics m_metrics;
    WebhookPayloadParser m_parser;
    InboxCommitter m_committer;
    UsageProvider m_usage;
    struct CachedIntegration
    {
        Integration integration;
        qint64 readAtMs = 0;
    };
    // Read again when this process changed an integration (IntegrationStore::generation), when another one did
    // (forgetIntegrations) and at the latest after kIntegrationCacheMs.
    static constexpr qint64 kIntegrationCacheMs = 5000;
    QHash<QString, CachedIntegration> m_integrations;
    quint64 m_integrationsGeneration = 0;
    QHash<QString, qint64> m_calls; // call_id → first seen (ms), pruned after an hour
    int m_inFlight = 0;
    bool m_draining = false;
};

} // namespace cb
