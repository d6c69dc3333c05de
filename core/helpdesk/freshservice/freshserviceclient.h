#pragma once

#include "helpdesk/freshworks/freshworksclient.h"

namespace cb {

// Freshservice API v2 (freshdesk-api.md §8), a FreshworksClient: what differs from Freshdesk is here: bodies
// wrapped under a key, agents/me (undocumented: /roles stands in where it is missing) + roles, a status-filtered
// ticket listing through /tickets/filter when it fits in its ten pages, requesters (with agents as the fallback: an
// agent may raise a ticket), departments (as companies). Tickets carry Freshservice's source codes as channels and
// its own fields (urgency, impact, department_id, …).
class FreshserviceClient final : public FreshworksClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FreshserviceClient)

public:
    FreshserviceClient(QNetworkAccessManager *nam, FreshdeskDomain domain, QByteArray apiKey,
                       FreshworksTransport::Options options = {}, QObject *parent = nullptr);

    // "acme" → https://acme.freshservice.com/api/v2/; plain HTTP to loopback hosts only.
    static Result<FreshdeskDomain> normaliseDomain(const QString &input);

    QString provider() const override { return QStringLiteral("freshservice"); }
    QCoro::Task<Result<HelpdeskAgent>> verify() override;
    QCoro::Task<Result<TicketListing>> listTickets(TicketQuery query, TicketPageCallback onPage = {}) override;
    QCoro::Task<Result<std::optional<HelpdeskContact>>> findContactByEmail(QString email) override;
    QCoro::Task<Result<HelpdeskCompany>> getCompany(qint64 companyId) override;
    QCoro::Task<Result<QList<HelpdeskCompany>>> listCompanies() override;

protected:
    QJsonValue unwrap(const QJsonDocument &doc, const QString &key) const override;
    Ticket ticketFrom(const QJsonObject &o) const override;
    HelpdeskAgent agentFrom(const QJsonObject &o) const override;

private:
    // GET /tickets/filter?query="(status:2 OR status:3)", 30 a page, ≤ 10 pages; updated_since applied here.
    // nullopt when more tickets match than the filter can page through (the caller lists instead); the calls
    // spent on finding that out are added to *spentCalls.
    QCoro::Task<Result<std::optional<TicketListing>>> filterTickets(TicketQuery query, TicketPageCallback onPage,
                                                                    int *spentCalls);
    // The requester, else the agent, with this id (a ticket's requester_id may be either); nullopt when neither.
    // Adds the calls it made to *calls.
    QCoro::Task<Result<std::optional<HelpdeskContact>>> person(qint64 id, int *calls);
};

} // namespace cb
