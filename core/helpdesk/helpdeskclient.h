#pragma once

#include "common/result.h"
#include "helpdesk/helpdesktypes.h"

#include <QCoroTask>
#include <QObject>

namespace cb {

// One helpdesk account, seen through its REST API. Implementations live on the sync thread, use one long-lived
// QNetworkAccessManager, put a transfer timeout on every call, pace themselves by the rate-limit headers, retry
// transient failures with bounded backoff, and turn every failure into an Error whose message says what to do
// (codes: invalid_credentials, not_admin, unknown_domain, plan_without_api, rate_limited, server_error,
// timeout, invalid_response, validation_failed, not_found).
class HelpdeskClient : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~HelpdeskClient() override;

    virtual QString provider() const = 0;

    // /agents/me + /roles. A key that works but is not an administrator's is an Auth error with code not_admin.
    virtual QCoro::Task<Result<HelpdeskAgent>> verify() = 0;

    // Every ticket matching the query: per_page=100, order_by=updated_at asc, Link paging, re-windowing of
    // updated_since past the 300-page cap, deduplicated by (id, updated_at).
    virtual QCoro::Task<Result<TicketListing>> listTickets(TicketQuery query, TicketPageCallback onPage = {}) = 0;
    virtual QCoro::Task<Result<Ticket>> getTicket(qint64 ticketId, QStringList include = {}) = 0;
    virtual QCoro::Task<Result<QList<Conversation>>> listConversations(qint64 ticketId) = 0;
    // Sends only the given fields (Freshdesk names: status, priority, responder_id, group_id, custom_fields, …).
    virtual QCoro::Task<Result<Ticket>> updateTicket(qint64 ticketId, QJsonObject fields) = 0;
    virtual QCoro::Task<Result<Conversation>> addNote(qint64 ticketId, QString bodyHtml, bool isPrivate) = 0;
    virtual QCoro::Task<Result<Conversation>> reply(qint64 ticketId, QString bodyHtml) = 0;
    virtual QCoro::Task<Result<std::optional<HelpdeskContact>>> findContactByEmail(QString email) = 0;
    virtual QCoro::Task<Result<HelpdeskCompany>> getCompany(qint64 companyId) = 0;
    virtual QCoro::Task<Result<QList<HelpdeskGroup>>> listGroups() = 0;
    // The account's directory, for names and pickers: every agent (id, name, e-mail) and every company
    // (Freshservice: department).
    virtual QCoro::Task<Result<QList<HelpdeskAgent>>> listAgents() = 0;
    virtual QCoro::Task<Result<QList<HelpdeskCompany>>> listCompanies() = 0;
    // The name of the agent or contact with this user id (a conversation's user_id); `likelyContact` says which to
    // ask first. Empty when the helpdesk cannot tell (the default).
    virtual QCoro::Task<Result<QString>> personName(qint64 userId, bool likelyContact);

    virtual ApiUsage usage() const = 0;
};

} // namespace cb
