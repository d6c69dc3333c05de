#pragma once

#include "helpdesk/freshdesk/freshdeskdomain.h"
#include "helpdesk/freshdesk/freshdesktransport.h"
#include "helpdesk/helpdeskclient.h"

namespace cb {

// Freshdesk API v2 (freshdesk-api.md): agents/me + roles, tickets (list with Link paging and re-windowing past
// the 300-page cap), view, update, notes, replies, conversations, contacts, companies, groups.
class FreshdeskClient final : public HelpdeskClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FreshdeskClient)

public:
    FreshdeskClient(QNetworkAccessManager *nam, FreshdeskDomain domain, QByteArray apiKey,
                    FreshdeskTransport::Options options = {}, QObject *parent = nullptr);

    QString provider() const override { return QStringLiteral("freshdesk"); }
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
    // GET /agents/{id} or /contacts/{id} (the other one when the first has no such user).
    QCoro::Task<Result<QString>> personName(qint64 userId, bool likelyContact) override;
    ApiUsage usage() const override { return m_transport.usage(); }

    const FreshdeskDomain &domain() const { return m_domain; }

private:
    QCoro::Task<Result<QJsonDocument>> json(QByteArray method, QUrl url, QByteArray body, QString endpoint,
                                            bool idempotent);
    // Follows Link rel="next" (on the same host only) through every page of a collection.
    QCoro::Task<Result<QJsonArray>> collect(QUrl first, QString endpoint);

    FreshdeskDomain m_domain;
    FreshdeskTransport m_transport;
};

} // namespace cb
