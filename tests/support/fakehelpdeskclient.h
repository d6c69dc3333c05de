#pragma once

#include "helpdesk/helpdeskclient.h"

#include <QMap>
#include <QSet>

namespace cb {
class Clock;
}

namespace cb::test {

// An in-memory helpdesk behind the HelpdeskClient interface, for engine unit tests (the e2e tests use the
// sandbox over real HTTP). Records every call; failures can be queued per operation.
class FakeHelpdeskClient final : public HelpdeskClient
{
    Q_OBJECT

public:
    explicit FakeHelpdeskClient(const Clock &clock, QObject *parent = nullptr);

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
    ApiUsage usage() const override { return m_usage; }

    // Adds (or replaces) a ticket updated `ageSeconds` ago.
    Ticket &addTicket(qint64 id, int status = 2, int priority = 1, qint64 ageSeconds = 3600);
    // The next call of `op` (e.g. "PUT /tickets") fails with `error`; queued in order.
    void failNext(const QString &op, const Error &error);
    int callCount(const QString &op) const;

    QMap<qint64, Ticket> tickets;
    QMap<qint64, QList<Conversation>> conversations;
    QSet<qint64> agentIds{100, 200};
    QSet<qint64> groupIds{10, 20};
    HelpdeskAgent agent{100, QStringLiteral("Sandy Admin"), QStringLiteral("sandy@example.com"), true, {10}, {1}};
    QList<QPair<QString, QJsonObject>> calls;
    bool postThenTimeout = false; // notes/replies are stored but answered with a timeout (unknown outcome)

private:
    std::optional<Error> takeFailure(const QString &op);
    void count(const QString &op, int credits = 1);
    QDateTime nextUpdate();

    const Clock &m_clock;
    QMap<QString, QList<Error>> m_failures;
    ApiUsage m_usage;
    qint64 m_nextConversationId = 90000000001;
    QDateTime m_lastUpdate;
};

} // namespace cb::test
