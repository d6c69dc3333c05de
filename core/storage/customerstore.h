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
    QStringList otherPhones = {};                   // mobile and the like: all are recorded for caller lookups
    QString phoneCallingCode = QStringLiteral("1"); // for national numbers
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
    // Records the customer's numbers as E.164 digits (customer_phones); unreadable ones are skipped. Idempotent.
    Status recordPhones(qint64 customerId, qint64 workspaceId, const QStringList &phones, const QString &callingCode);

private:
    Result<CustomerLinkOutcome> link(const CustomerLinkRequest &request);
    Result<std::optional<qint64>> findOne(const QString &where, const QVariantList &args);

    Database &m_db;
    const Clock &m_clock;
};

} // namespace cb
