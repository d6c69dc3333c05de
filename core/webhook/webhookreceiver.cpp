#include "webhookreceiver.h"

#include "common/clock.h"
#include "common/logging.h"
#include "domain/integrationsettings.h"
#include "storage/database.h"
#include "storage/inbox.h"
#include "storage/integrationstore.h"
#include "storage/outbox.h"
#include "storage/screenpopstore.h"
#include "telephony/callerlookup.h"
#include "webhook/webhooksecret.h"

#include <QCoroTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRegularExpression>

namespace cb {

namespace {
const QByteArray kSecretHeader = QByteArrayLiteral("X-Casebridge-Webhook-Secret");

HttpResponse withRetryAfter(HttpResponse r, int seconds)
{
    return r.withHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(std::max(1, seconds)));
}
} // namespace

WebhookReceiver::WebhookReceiver(Database &db, const Clock &clock, ReceiverOptions options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_guard(m_options, clock)
    , m_committer(db, clock, m_options.groupCommitDelayMs, m_options.maxBatch)
{
    m_committer.setParent(this);
    connect(&m_committer, &InboxCommitter::batchCommitted, this, &WebhookReceiver::batchCommitted);
}

HttpResponse WebhookReceiver::reject(int status, const QString &reason, const QString &message)
{
    m_metrics.rejected(reason);
    return HttpResponse::json(status,
                              QJsonObject{{QStringLiteral("error"), reason}, {QStringLiteral("message"), message}});
}

QCoro::Task<HttpResponse> WebhookReceiver::handle(HttpRequest request)
{
    static const QRegularExpression route(
        QStringLiteral("^/api/webhooks/(freshdesk|freshservice)/([A-Za-z0-9-]{1,64})(/test)?/?$"));
    const QString path = request.path;
    if (const auto m = route.match(path); m.hasMatch()) {
        if (request.method != "POST")
            co_return reject(405, QStringLiteral("method_not_allowed"),
                             QStringLiteral("Webhooks are delivered with POST."))
                .withHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("POST"));
        const QString id = m.captured(2);
        const Route r = m.captured(3).isEmpty() ? Route::Webhook : Route::Test;
        const QString pathProvider = m.captured(1);
        ++m_inFlight;
        HttpResponse answer = co_await receive(std::move(request), id, r, pathProvider);
        --m_inFlight;
        co_return answer;
    }
    static const QRegularExpression telephony(QStringLiteral("^/api/telephony/([A-Za-z0-9-]{1,64})/contact-event/?$"));
    if (const auto m = telephony.match(path); m.hasMatch()) {
        if (request.method != "POST")
            co_return reject(405, QStringLiteral("method_not_allowed"),
                             QStringLiteral("Contact events are delivered with POST."))
                .withHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("POST"));
        const QString id = m.captured(1);
        co_return co_await receive(std::move(request), id, Route::ContactEvent, QString());
    }
    if (path == QLatin1String("/api/health")) {
        if (request.method != "GET")
            co_return HttpResponse::json(405,
                                         QJsonObject{{QStringLiteral("error"), QStringLiteral("method_not_allowed")}})
                .withHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET"));
        co_return health();
    }
    if (path == QLatin1String("/metrics")) {
        if (request.method != "GET")
            co_return HttpResponse::json(405,
                                         QJsonObject{{QStringLiteral("error"), QStringLiteral("method_not_allowed")}})
                .withHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET"));
        co_return metricsPage(request);
    }
    co_return HttpResponse::json(
        404, QJsonObject{{QStringLiteral("error"), QStringLiteral("not_found")},
                         {QStringLiteral("message"),
                          QStringLiteral("No such route; webhooks go to POST "
                                         "/api/webhooks/{freshdesk|freshservice}/{integration id}.")}});
}

std::optional<HttpResponse> WebhookReceiver::guard(const HttpRequest &request)
{
    if (!m_guard.allowed(request.remoteAddress))
        return reject(403, QStringLiteral("forbidden"), QStringLiteral("This address may not send webhooks here."));
    if (const int banned = m_guard.bannedFor(request.remoteAddress); banned > 0)
        return withRetryAfter(reject(403, QStringLiteral("banned"),
                                     QStringLiteral("Too many failed authentications from this address; try later.")),
                              banned);
    if (const int wait = m_guard.takeToken(request.remoteAddress); wait > 0)
        return withRetryAfter(reject(429, QStringLiteral("rate_limited"),
                                     QStringLiteral("Too many requests from this address; retry after the given "
                                                    "seconds.")),
                              wait);
    if (request.body.size() > m_options.maxBodyBytes)
        return reject(413, QStringLiteral("too_large"),
                      QStringLiteral("The body is larger than %1 bytes; send only the ticket fields.")
                          .arg(m_options.maxBodyBytes));
    return std::nullopt;
}

bool WebhookReceiver::authenticated(const HttpRequest &request, const Integration &integration) const
{
    QList<QByteArray> presented;
    if (const QByteArray h = request.header(kSecretHeader); !h.isEmpty())
        presented << h.trimmed();
    const QByteArray auth = request.header(QByteArrayLiteral("Authorization")).trimmed();
    if (auth.size() > 6 && auth.left(6).toLower() == "basic ") {
        const QByteArray decoded = QByteArray::fromBase64(auth.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        if (colon >= 0) {
            const QByteArray user = decoded.left(colon);
            const QByteArray password = decoded.mid(colon + 1);
            if (!password.isEmpty() && password != "X")
                presented << password;
            else if (!user.isEmpty())
                presented << user; // Freshdesk's "API key" option sends key:X
        }
    }
    const bool graceOpen = !integration.previousSecretHash.isEmpty() && integration.previousSecretExpiresAt.isValid() &&
                           m_clock.nowUtc() < integration.previousSecretExpiresAt;
    bool ok = false;
    for (const QByteArray &p : std::as_const(presented)) {
        // Both comparisons always run, in constant time each.
        const bool current = WebhookSecret::matches(p, integration.webhookSecretHash);
        const bool previous = graceOpen && WebhookSecret::matches(p, integration.previousSecretHash);
        ok = ok || current || previous;
    }
    return ok;
}

Result<Integration> WebhookReceiver::integration(const QString &id)
{
    const qint64 now = m_clock.nowMs();
    if (const quint64 g = IntegrationStore::generation(); g != m_integrationsGeneration) {
        m_integrations.clear();
        m_integrationsGeneration = g;
    }
    if (auto it = m_integrations.constFind(id);
        it != m_integrations.constEnd() && now >= it->readAtMs && now - it->readAtMs < kIntegrationCacheMs)
        return it->integration;
    auto read = IntegrationStore(m_db, m_clock).get(id);
    if (read) {
        if (m_integrations.size() > 1000)
            m_integrations.clear();
        m_integrations.insert(id, {*read, now});
    }
    return read;
}

QCoro::Task<HttpResponse> WebhookReceiver::receive(HttpRequest request, QString integrationId, Route route,
                                                   QString pathProvider)
{
    QElapsedTimer timer;
    timer.start();
    if (auto refused = guard(request))
        co_return *refused;
    if (m_draining)
        co_return withRetryAfter(reject(503, QStringLiteral("shutting_down"),
                                        QStringLiteral("The receiver is stopping; the helpdesk will retry.")),
                                 5);
    auto integration = this->integration(integrationId);
    if (!integration && integration.error().kind != Error::Kind::NotFound)
        co_return withRetryAfter(
            reject(503, QStringLiteral("storage_failed"), QStringLiteral("The store is unavailable; retry shortly.")),
            5);
    if (!integration || integration->state != QLatin1String("active")) {
        m_guard.recordAuthFailure(request.remoteAddress);
        co_return reject(404, QStringLiteral("unknown_integration"),
                         QStringLiteral("There is no active integration with this id; copy the webhook URL again from "
                                        "Casebridge."));
    }
    if (!authenticated(request, *integration)) {
        if (m_guard.recordAuthFailure(request.remoteAddress))
            qCWarning(lcWebhook) << "client banned after repeated failed authentications:"
                                 << request.remoteAddress.toString();
        m_metrics.rejected(QStringLiteral("unauthorized"));
        co_return HttpResponse::json(401, QJsonObject{{QStringLiteral("error"), QStringLiteral("unauthorized")}});
    }
    // /freshdesk/ takes every provider (URLs handed out before Freshservice had its own path keep working);
    // /freshservice/ only Freshservice integrations, so a URL pasted into the wrong helpdesk is caught.
    if (pathProvider == QLatin1String("freshservice") && integration->provider != pathProvider)
        co_return reject(404, QStringLiteral("wrong_provider"),
                         QStringLiteral("This integration is not a Freshservice one; its webhook URL is "
                                        "/api/webhooks/freshdesk/%1.")
                             .arg(integrationId));
    const QByteArray contentType = request.header(QByteArrayLiteral("Content-Type"));
    if (WebhookPayloadParser::kindOf(contentType, request.body) == WebhookPayloadParser::BodyKind::Unsupported)
        co_return reject(415, QStringLiteral("unsupported_media_type"),
                         QStringLiteral("Send the webhook as JSON (application/json) or X-FORM-URLENCODED."));
    if (route == Route::ContactEvent)
        co_return contactEvent(request, *integration);
    if (route == Route::Test) {
        co_return HttpResponse::json(
            200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                             {QStringLiteral("message"),
                              QStringLiteral("Casebridge received the test webhook for %1; the secret is right.")
                                  .arg(integration->domain)},
                             {QStringLiteral("source_ip"), request.remoteAddress.toString()},
                             {QStringLiteral("timestamp"), toStoreTime(m_clock.nowUtc())}});
    }

    const auto payload = m_parser.parse(request.body, contentType);
    InboxEvent event;
    event.integrationId = integrationId;
    event.remoteAddr = request.remoteAddress.toString();
    event.contentType = QString::fromLatin1(contentType.left(200));
    event.body = request.body;
    event.eventKey = WebhookPayloadParser::eventKey(payload ? &*payload : nullptr, request.body,
                                                    request.header(QByteArrayLiteral("X-Event-Id")));
    if (!payload) {
        event.state = InboxState::Failed; // kept for inspection and replay, with why it was refused
        event.lastError = payload.error().message;
        event.eventKey += QStringLiteral(":failed");
    }
    auto stored = co_await m_committer.submit(std::move(event));
    if (!stored)
        co_return withRetryAfter(reject(503, QStringLiteral("storage_failed"),
                                        QStringLiteral("The event could not be saved; retry shortly.")),
                                 2);
    if (!payload) {
        // Kept for inspection (`casebridge-sync failed`); the sender learns what was expected.
        m_metrics.rejected(QStringLiteral("bad_payload"));
        QJsonObject o{{QStringLiteral("error"), QStringLiteral("bad_payload")},
                      {QStringLiteral("message"), payload.error().message},
                      {QStringLiteral("event"), stored->eventId}};
        co_return HttpResponse::json(400, o);
    }
    m_metrics.received();
    if (stored->duplicate)
        m_metrics.duplicate();
    else
        Q_EMIT accepted(stored->eventId, *payload);
    m_metrics.ackLatency(double(timer.nsecsElapsed()) / 1e9);
    co_return HttpResponse::json(202, QJsonObject{{QStringLiteral("status"), QStringLiteral("accepted")},
                                                  {QStringLiteral("event"), stored->eventId},
                                                  {QStringLiteral("duplicate"), stored->duplicate}});
}

HttpResponse WebhookReceiver::contactEvent(const HttpRequest &request, const Integration &integration)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString callId = body.value(QStringLiteral("call_id")).toVariant().toString().trimmed();
    const QString phone = body.value(QStringLiteral("phone_number")).toVariant().toString().trimmed();
    if (callId.isEmpty() || phone.isEmpty())
        return reject(400, QStringLiteral("bad_payload"),
                      QStringLiteral("Expected JSON with call_id and phone_number (and optionally event_type, "
                                     "timestamp)."));
    const IntegrationSettings settings = IntegrationSettings::fromJson(integration.settings);
    auto match = CallerLookup(m_db).lookup(integration.workspaceId, phone, settings.phoneCallingCode);
    if (!match)
        return withRetryAfter(
            reject(503, QStringLiteral("storage_failed"), QStringLiteral("The store is unavailable; retry shortly.")),
            1);
    const qint64 now = m_clock.nowMs();
    if (m_calls.size() > 10000)
        for (auto it = m_calls.begin(); it != m_calls.end();)
            it = now - it.value() > 3600 * 1000 ? m_calls.erase(it) : std::next(it);
    bool firstOfCall = !m_calls.contains(callId);
    if (firstOfCall)
        m_calls.insert(callId, now);
    QJsonObject answer{{QStringLiteral("call_id"), callId},
                       {QStringLiteral("event_type"), body.value(QStringLiteral("event_type")).toString()},
                       {QStringLiteral("phone_e164"),
                        match->e164.isEmpty() ? QJsonValue() : QJsonValue(QLatin1Char('+') + match->e164)},
                       {QStringLiteral("matched"), match->customers.size()},
                       {QStringLiteral("customers"), match->customers},
                       {QStringLiteral("tickets"), match->tickets}};
    if (firstOfCall && !match->customers.isEmpty()) {
        // The store decides, so a call seen by two receivers of a team pops once; every console follows it.
        auto recorded = ScreenPopStore(m_db, m_clock).record(integration.id, callId, answer);
        logIfFailed(recorded, "screen pop");
        firstOfCall = recorded ? *recorded : firstOfCall;
    }
    const bool pop = firstOfCall && !match->customers.isEmpty();
    answer.insert(QStringLiteral("pop"), pop);
    if (pop)
        Q_EMIT screenPop(integration.id, callId, answer);
    return HttpResponse::json(200, answer);
}

HttpResponse WebhookReceiver::health()
{
    auto integrations = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM integrations WHERE state = 'active'"));
    auto pending = Inbox(m_db, m_clock).pendingCount();
    if (!integrations || !pending)
        return HttpResponse::json(
            503, QJsonObject{{QStringLiteral("status"), QStringLiteral("error")},
                             {QStringLiteral("message"), QStringLiteral("The store cannot be read.")}});
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                               {QStringLiteral("version"), QStringLiteral(CASEBRIDGE_VERSION)},
                                               {QStringLiteral("integrations"), integrations->toLongLong()},
                                               {QStringLiteral("inbox_pending"), *pending}});
}

HttpResponse WebhookReceiver::metricsPage(const HttpRequest &request)
{
    if (m_options.metricsLoopbackOnly && !request.remoteAddress.isLoopback())
        return reject(403, QStringLiteral("forbidden"), QStringLiteral("Metrics are served to loopback clients only."));
    ReceiverMetrics::Gauges g;
    if (auto n = Inbox(m_db, m_clock).pendingCount())
        g.inboxPending = *n;
    if (auto n = Outbox(m_db, m_clock).pendingCount())
        g.outboxPending = *n;
    if (m_usage)
        g.apiUsage = m_usage();
    return HttpResponse::text(200, m_metrics.render(g), QByteArrayLiteral("text/plain; version=0.0.4"));
}

QCoro::Task<> WebhookReceiver::drain(int timeoutMs)
{
    m_draining = true;
    QElapsedTimer waited;
    waited.start();
    while (m_inFlight > 0 && waited.elapsed() < timeoutMs) {
        m_committer.flush();
        co_await QCoro::sleepFor(std::chrono::milliseconds(10));
    }
    m_committer.flush();
}

} // namespace cb
