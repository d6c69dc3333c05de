#pragma once

#include "common/result.h"
#include "domain/case.h"
#include "domain/inboxevent.h"
#include "domain/integration.h"
#include "helpdesk/webhookpayload.h"
#include "sync/burstlister.h"
#include "sync/conversationcopier.h"

#include <QCoroTask>
#include <QHash>

#include <functional>

namespace cb {

class Clock;
class Database;
class HelpdeskClient;
class TicketMapper;
struct Ticket;

struct InboundReport
{
    int processed = 0;
    int applied = 0;
    int created = 0;
    int fetches = 0;
    int failed = 0;
    int deferred = 0;
    int listCalls = 0; // calls spent listing many pending tickets at once (BurstLister)
    int conversationCopies = 0;
};

// Turns committed webhooks into case changes. Events for the same ticket are taken together: payloads that
// carry fields and an updated_at are applied directly (older ones never overwrite newer); a thin payload, or
// one for a ticket not yet linked, costs exactly one fetch for the whole group — and when many tickets wait for a
// fetch they are listed by updated_since instead (BurstLister: ⌈n/100⌉ calls, not n). New tickets become cases per
// the integration's intake mode. Conversations are copied, with author names, on every event that can carry one.
class InboundProcessor
{
public:
    using ClientFor = std::function<HelpdeskClient *(const QString &integrationId)>;
    using Parser = std::function<Result<WebhookPayload>(const InboxEvent &event)>;

    InboundProcessor(Database &db, const Clock &clock, const TicketMapper &mapper, ClientFor clients, Parser parser);

    using Filter = std::function<bool(const QString &integrationId)>;

    void setMaxAttempts(int n) { m_maxAttempts = n; }
    // Only events of integrations the filter accepts are processed (SyncEngine: those whose lease it holds).
    void setIntegrationFilter(Filter filter) { m_filter = std::move(filter); }
    QCoro::Task<InboundReport> processPending(int limit = 1000);
    // The receiver of this process hands on what it parsed, with the committed inbox row's id, so the body is not
    // parsed again; an event without one (another process's, a restart's, a replay) is parsed from its stored body.
    void handOver(qint64 inboxId, const WebhookPayload &payload);
    int handedOver() const { return int(m_handed.size()); }
    // After processPending: when the earliest event waiting for its backoff (or left over past `limit`) is due.
    std::optional<QDateTime> nextRetryAt() const { return m_nextRetry; }

private:
    struct Parsed
    {
        InboxEvent event;
        WebhookPayload payload;
    };
    QCoro::Task<> processTicket(Integration integration, qint64 ticketId, QList<Parsed> events,
                                std::optional<Ticket> listed, InboundReport *report);
    QCoro::Task<Status> copyComments(Integration integration, qint64 caseId, qint64 ticketId, InboundReport *report);
    // A note, a reply, a customer reply — or an event that does not say what it is.
    static bool mayCarryConversation(const WebhookPayload &payload);
    bool needsFetch(const Integration &integration, qint64 ticketId, const QList<Parsed> &events);
    // updated_at has whole seconds and webhooks arrive unordered: bodies that say different things with the same
    // updated_at (as one another, or as the case's last known remote state) cannot be ordered. The helpdesk's
    // current state is fetched instead of applying them in a guessed order.
    static bool sameSecondAmbiguity(const Case &c, const QList<Parsed> &events);
    bool intakeAccepts(const Integration &integration, const Ticket &ticket) const;
    void noteRetry(const QDateTime &at);
    void finish(const QList<Parsed> &events, const Status &status, InboundReport *report);
    void logIgnored(const Integration &integration, qint64 ticketId, const QString &why);

    Database &m_db;
    const Clock &m_clock;
    const TicketMapper &m_mapper;
    ClientFor m_clients;
    Parser m_parser;
    Filter m_filter;
    int m_maxAttempts = 6;
    std::optional<QDateTime> m_nextRetry;
    QHash<qint64, WebhookPayload> m_handed;            // inbox id → payload, until the event is done or failed
    static constexpr qsizetype kMaxHandedOver = 20000; // events another process works on are not kept forever
    ConversationCopier m_conversations;
    BurstLister m_lister;
};

} // namespace cb
