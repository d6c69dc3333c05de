#pragma once

#include "common/result.h"
#include "domain/customer.h"

#include <QStringList>

namespace cb {

class Clock;
class Database;

// Who a ticket's requester is in the local store.
struct CustomerLinkRequest
{
    qint64 workspaceId = 1;
    QString provider = QStringLiteral("freshdesk");
    QString email;
    QString name;
    QString phone;
    QStringList companyDomains; // the requester's company domains, when the helpdesk told us
    std::optional<qint64> requesterId;
};

struct CustomerLinkOutcome
{
    qint64 customerId = 0;
    QString matchedBy; // email | domain | phone | created
};

class CustomerStore
{
public:
    CustomerStore(Database &db, const Clock &clock);

    // Link by e-mail, then by company domain (the e-mail's own, then the company's), then by phone digits;
    // otherwise create a customer with external id "{provider}:{email}" (lower case). Idempotent.
    Result<CustomerLinkOutcome> linkOrCreate(const CustomerLinkRequest &request);
    Result<qint64> insert(const Customer &customer);
    Result<Customer> get(qint64 id);
    Result<QList<Customer>> list(int limit = 500);

    static QString digitsOf(const QString &phone);

private:
    Result<std::optional<qint64>> findOne(const QString &where, const QVariantList &args);

    Database &m_db;
    const Clock &m_clock;
};

} // namespace cb
