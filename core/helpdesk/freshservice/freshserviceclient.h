#pragma once

#include "helpdesk/freshdesk/freshdeskdomain.h"
#include "helpdesk/freshdesk/freshdesktransport.h"
#include "helpdesk/helpdeskclient.h"

namespace cb {

// Freshservice API v2 (freshdesk-api.md §8) over the same transport as Freshdesk (Basic key:X, timeouts,
// Retry-After, pacing, retries): wrapped bodies, agents/me + roles, tickets (Link paging, updated_since, order,
// re-windowing past the 300-page cap; a status-filtered listing through /tickets/filter when it fits in its ten
// pages), view, update, notes, replies, conversations, requesters (with agents as the fallback: an agent may raise
// a ticket), departments (as companies), groups. Tickets carry Freshservice's source codes as channels and its own
// fields (urgency, impact, department_id, …).
class FreshserviceClient final : public HelpdeskClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FreshserviceClient)

public:
    FreshserviceClient(QNetworkAccessManager *nam, FreshdeskDomain domain, QByteArray apiKey,
                       FreshdeskTransport::Options options = {}, QObject *parent = nullptr);

    // "acme" → https://acme.freshservice.com/api/v2/; plain HTTP to loopback hosts only.
    static Result<FreshdeskDomain> normaliseDomain(const QString &input);

    QString provider() const override { return QStringLiteral("freshservice"); }
    QCoro::Task<Result<HelpdeskAgent>> verify() override;
    QCoro::Task<Result<TicketListing>> listTickets(TicketQuery query, TicketPageCallback onPage = {}) override;
    QCoro::Task<Result<Ticket>> getTicket(qint64 ticketId, QStringList include = {}) override;
    QCoro::Task<Result<QList<Conversation>>> listConversations(qint64 ticketId) override;
    QCoro::Task<Result<Ticket>> updateTicket(qint64 ticketId, QJsonObject fields) override;
    QCoro::Task<Result<Conversation>> addNote(qint64 ticketId, QString bodyHtml, bool isPrivate) override;
    QCoro::Task<Result<Conversation>> reply(qint64 ticketId, QString bodyHtml) override;
    QCoro::Task<Result<std::optional<HelpdeskContact>>> findContactByEmail(QString email) override;
    QCoro::Task<Result<HelpdeskCompany>> getCompany(qint64 companyId) override;
    QCoro::Task<Result<QList<HelpdeskGroup>>> listGroups() override;
    QCoro::Task<Result<QList<HelpdeskAgent>>> listAgents() override;
    QCoro::Task<Result<QList<HelpdeskCompany>>> listCompanies() override;
    ApiUsage usage() const override { return m_transport.usage(); }

    const FreshdeskDomain &domain() const { return m_domain; }

private:
    static Error invalidResponse(const QString &endpoint);
    // One call, its body parsed and unwrapped from `key`; errors worded for Freshservice.
    QCoro::Task<Result<QJsonValue>> call(QByteArray method, QUrl url, QByteArray body, QString endpoint,
                                         bool idempotent, QString key);
    QCoro::Task<Result<HttpAnswer>> send(QByteArray method, QUrl url, QByteArray body, QString endpoint,
                                         bool idempotent);
    // Follows Link rel="next" (same host only) through every page of a wrapped collection.
    QCoro::Task<Result<QJsonArray>> collect(QUrl first, QString endpoint, QString key);
    // GET /tickets/filter?query="(status:2 OR status:3)", 30 a page, ≤ 10 pages; updated_since applied here.
    // nullopt when more tickets match than the filter can page through (the caller lists instead); the calls
    // spent on finding that out are added to *spentCalls.
    QCoro::Task<Result<std::optional<TicketListing>>> filterTickets(TicketQuery query, TicketPageCallback onPage,
                                                                    int *spentCalls);
    // The requester, else the agent, with this id (a ticket's requester_id may be either); nullopt when neither.
    // Adds the calls it made to *calls.
    QCoro::Task<Result<std::optional<HelpdeskContact>>> person(qint64 id, int *calls);

    FreshdeskDomain m_domain;
    FreshdeskTransport m_transport;
};

} // namespace cb
