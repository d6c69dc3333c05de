#pragma once

#include "helpdesk/freshdesk/freshdeskdomain.h"
#include "helpdesk/freshworks/freshworkstransport.h"
#include "helpdesk/helpdeskclient.h"

#include <QJsonArray>
#include <QJsonValue>

#include <functional>

class QJsonDocument;

namespace cb {

// What the Freshworks helpdesks (Freshdesk, Freshservice: one API family, freshdesk-api.md) share: the transport
// (Basic key:X, timeouts, the account's RateLimitGate, retries), Link paging, the error wording, verify's error
// mapping and admin check, and the calls whose paths and fields are the same in both: the ticket list (Link paging,
// re-windowing past the 300-page cap), a ticket, its update, conversations, notes, replies, groups and agents. A
// provider says how its bodies are wrapped (unwrap) and how its tickets and agents read; the rest it implements.
class FreshworksClient : public HelpdeskClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FreshworksClient)

public:
    QCoro::Task<Result<TicketListing>> listTickets(TicketQuery query, TicketPageCallback onPage = {}) override;
    QCoro::Task<Result<Ticket>> getTicket(qint64 ticketId, QStringList include = {}) override;
    QCoro::Task<Result<QList<Conversation>>> listConversations(qint64 ticketId) override;
    QCoro::Task<Result<Ticket>> updateTicket(qint64 ticketId, QJsonObject fields) override;
    QCoro::Task<Result<Conversation>> addNote(qint64 ticketId, QString bodyHtml, bool isPrivate) override;
    QCoro::Task<Result<Conversation>> reply(qint64 ticketId, QString bodyHtml) override;
    QCoro::Task<Result<QList<HelpdeskGroup>>> listGroups() override;
    QCoro::Task<Result<QList<HelpdeskAgent>>> listAgents() override;
    ApiUsage usage() const final { return m_transport.usage(); }

    const FreshdeskDomain &domain() const { return m_domain; }

protected:
    // `product` names the helpdesk in messages ("Freshdesk"); `rootDomain` is its accounts' ("freshdesk.com").
    FreshworksClient(QNetworkAccessManager *nam, FreshdeskDomain domain, QByteArray apiKey,
                     FreshworksTransport::Options options, QString product, QString rootDomain, QObject *parent);

    // A body's payload: Freshdesk sends it bare, Freshservice wrapped in an object under `key` ("ticket").
    virtual QJsonValue unwrap(const QJsonDocument &doc, const QString &key) const = 0;
    virtual Ticket ticketFrom(const QJsonObject &o) const = 0;
    virtual HelpdeskAgent agentFrom(const QJsonObject &o) const = 0;

    Error invalidResponse(const QString &endpoint) const;
    // One call, its body parsed and unwrapped from `key`; a body that is neither object nor array is unreadable.
    QCoro::Task<Result<QJsonValue>> call(QByteArray method, QUrl url, QByteArray body, QString endpoint,
                                         bool idempotent, QString key);
    // Follows Link rel="next" (same host only) through every page of a collection.
    QCoro::Task<Result<QJsonArray>> collect(QUrl first, QString endpoint, QString key);
    // GET /agents/me failed: no account at the domain (404, unreachable) is unknown_domain, an agent's key that may
    // not look (access_denied) invalid_credentials, each worded for the product; anything else as it is.
    Error verifyError(Error e) const;
    // Sets agent.isAdmin when one of the agent's roles in `roles` has a name `isAdminName` accepts.
    static void markAdmin(HelpdeskAgent &agent, const QJsonArray &roles,
                          const std::function<bool(const QString &)> &isAdminName);

    FreshdeskDomain m_domain;
    FreshworksTransport m_transport;

private:
    QString m_product;
    QString m_rootDomain;
};

} // namespace cb
