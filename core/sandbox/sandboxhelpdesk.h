#pragma once

#include "http/httprequesthandler.h"
#include "sandbox/sandboxaccount.h"
#include "sandbox/sandboxactivity.h"
#include "sandbox/sandboxautomation.h"
#include "sandbox/sandboxcontrol.h"

#include <QMap>
#include <QObject>
#include <QRandomGenerator>

class QNetworkAccessManager;

namespace cb {

// An emulated Freshdesk account behind the Freshdesk API v2 (freshdesk-api.md): Basic key:X auth, per-plan rate
// limits with the real headers and 429 + Retry-After, list rules (per_page, 30-day default window, updated_since,
// order, Link built from the request's own query, the 300-page cap), includes and their credits, Freshdesk's
// error bodies, notes, replies, conversations, contacts, companies (list, view, autocomplete), groups, agents/me and
// roles; search (SandboxSearch); fault injection; automation webhooks on ticket events; edits "in the UI" and the
// activity simulator (SandboxActivity); call statistics. The control API under /_sandbox/ is SandboxControl's.
class SandboxHelpdesk final : public QObject, public HttpRequestHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxHelpdesk)

public:
    struct Plan
    {
        QString name = QStringLiteral("pro");
        int total = 400;
        int list = 100;
        int update = 160;
        qint64 windowMs = 60000;
        static std::optional<Plan> named(const QString &name);
        // Freshservice's plans (freshdesk-api.md §8): starter, growth, pro, enterprise.
        static std::optional<Plan> named(const QString &name, const QString &provider);
    };
    struct Fault
    {
        QByteArray method;  // empty: any
        QString pathPrefix; // e.g. /api/v2/tickets
        int status = 503;   // 0: drop the connection
        double rate = 1.0;
        int latencyMs = 0;
    };

    explicit SandboxHelpdesk(QNetworkAccessManager *nam, QObject *parent = nullptr);

    SandboxAccount &account() { return m_account; }
    SandboxAutomation &automation() { return m_automation; }
    SandboxActivity &activity() { return m_activity; }
    void setPlan(const Plan &plan);
    const Plan &plan() const { return m_plan; }
    void addFault(const Fault &fault) { m_faults.append(fault); }
    void clearFaults() { m_faults.clear(); }
    const QList<Fault> &faults() const { return m_faults; }
    void setFaultSeed(quint32 seed) { m_rng.seed(seed); }
    qint64 apiCalls() const { return m_apiCalls; }
    // Calls, credits and 429s per endpoint ("GET /tickets/{id}") since the start or the last resetStats().
    QJsonObject stats() const;
    void resetStats();
    // The errors Freshdesk's PUT /tickets/{id} would give these fields (empty: valid). With `agentUi`, a "note"
    // object ({"body", "private", "incoming"}) is allowed too.
    QJsonArray validateUpdate(const QJsonObject &fields, bool agentUi = false) const;
    // An agent (or, with "incoming" notes, the requester) changes a ticket in Freshdesk's own UI: no API call and
    // no credits, but webhooks fire as for an API change. `fields` as for PUT, plus an optional "note". `actorId` 0
    // means the admin. nullopt when the ticket does not exist; the fields are not validated here.
    std::optional<QJsonObject> agentEdit(qint64 ticketId, const QJsonObject &fields, qint64 actorId = 0);
    // A customer writes in (e-mail or portal): a new open ticket, and the "created" webhooks.
    QJsonObject customerCreatesTicket(const QString &subject, const QString &email);

    QCoro::Task<HttpResponse> handle(HttpRequest request) override;

private:
    HttpResponse dispatch(const HttpRequest &r, int *credits);
    HttpResponse listTickets(const HttpRequest &r, int *credits);
    HttpResponse viewTicket(qint64 id, const HttpRequest &r, int *credits);
    HttpResponse updateTicket(qint64 id, const HttpRequest &r);
    HttpResponse addConversation(qint64 id, const HttpRequest &r, bool note);
    HttpResponse listConversations(qint64 id, const HttpRequest &r);
    QJsonObject withIncludes(QJsonObject t, const QStringList &include, bool listing) const;
    std::optional<HttpResponse> rateLimit(const QString &bucket, int credits);
    QString applyFields(QJsonObject &t, const QJsonObject &fields); // returns the triggered_event text
    HttpResponse companies(const HttpRequest &r);
    // page and per_page (≤ 100) of a list request, with Freshdesk's validation errors for bad values
    // The `include` list, percent-decoded as Freshdesk (Rails) decodes it: "requester%2Cdescription" is two.
    static QStringList includesOf(const HttpRequest &r);
    static QJsonArray pagingErrors(const HttpRequest &r, int *page, int *perPage);
    static QByteArray nextPageLink(const HttpRequest &r, int nextPage);
    static QJsonObject fieldError(const QString &field, const QString &message, const QString &code);
    static HttpResponse validation(const QJsonArray &errors);
    static HttpResponse error(int status, const QString &code, const QString &message);

    SandboxAccount m_account;
    SandboxAutomation m_automation;
    SandboxActivity m_activity{this};
    SandboxControl m_control{*this};
    Plan m_plan;
    QList<Fault> m_faults;
    QRandomGenerator m_rng{7};
    qint64 m_windowStart = 0;
    QHash<QString, int> m_used;
    qint64 m_apiCalls = 0;
    qint64 m_currentAgent = 0;
    struct EndpointStats
    {
        qint64 calls = 0;
        qint64 credits = 0;
        qint64 rateLimited = 0;
    };
    QMap<QString, EndpointStats> m_stats; // by "METHOD /path" with ids as {id}
};

} // namespace cb
