#include "customerstore.h"

#include "common/clock.h"
#include "domain/phonenumber.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QSqlQuery>

namespace cb {

CustomerStore::CustomerStore(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

QString CustomerStore::digitsOf(const QString &phone)
{
    QString d;
    for (const QChar c : phone) {
        if (c.isDigit())
            d += c;
    }
    return d;
}

Result<std::optional<qint64>> CustomerStore::findOne(const QString &where, const QVariantList &args)
{
    auto q = m_db.exec(
        QStringLiteral("SELECT id FROM customers WHERE ") + where + QStringLiteral(" ORDER BY id LIMIT 1"), args);
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<qint64>();
    return std::optional<qint64>(q->value(0).toLongLong());
}

Result<CustomerLinkOutcome> CustomerStore::linkOrCreate(const CustomerLinkRequest &r)
{
    auto linked = link(r);
    if (!linked)
        return linked;
    if (auto st =
            recordPhones(linked->customerId, r.workspaceId, QStringList{r.phone} + r.otherPhones, r.phoneCallingCode);
        !st)
        return st.error();
    return linked;
}

Status CustomerStore::recordPhones(qint64 customerId, qint64 workspaceId, const QStringList &phones,
                                   const QString &callingCode)
{
    for (const QString &raw : phones) {
        const QString e164 = PhoneNumber::normalise(raw, callingCode);
        if (e164.isEmpty())
            continue;
        auto q = m_db.exec(QStringLiteral("INSERT INTO customer_phones (customer_id, workspace_id, e164, raw) "
                                          "VALUES (?, ?, ?, ?) ON CONFLICT (customer_id, e164) DO NOTHING"),
                           {customerId, workspaceId, e164, raw.left(64)});
        if (!q)
            return q.error();
    }
    return Ok{};
}

Result<CustomerLinkOutcome> CustomerStore::link(const CustomerLinkRequest &r)
{
    const QString email = r.email.trimmed().toLower();
    const QString digits = digitsOf(r.phone);
    if (!email.isEmpty()) {
        auto byEmail = findOne(QStringLiteral("workspace_id = ? AND email = ?"), {r.workspaceId, email});
        if (!byEmail)
            return byEmail.error();
        if (byEmail->has_value())
            return CustomerLinkOutcome{**byEmail, QStringLiteral("email")};
        QStringList domains;
        const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
        if (at > 0)
            domains << email.mid(at + 1);
        for (const QString &d : r.companyDomains)
            domains << d.trimmed().toLower();
        for (const QString &d : std::as_const(domains)) {
            if (d.isEmpty())
                continue;
            auto byDomain = findOne(QStringLiteral("workspace_id = ? AND domain = ?"), {r.workspaceId, d});
            if (!byDomain)
                return byDomain.error();
            if (byDomain->has_value())
                return CustomerLinkOutcome{**byDomain, QStringLiteral("domain")};
        }
    } else if (digits.size() >= 6) {
        auto byPhone = findOne(QStringLiteral("workspace_id = ? AND phone_digits = ?"), {r.workspaceId, digits});
        if (!byPhone)
            return byPhone.error();
        if (byPhone->has_value())
            return CustomerLinkOutcome{**byPhone, QStringLiteral("phone")};
    }

    QString externalId;
    if (!email.isEmpty())
        externalId = r.provider + QLatin1Char(':') + email;
    else if (r.requesterId)
        externalId = r.provider + QStringLiteral(":requester:") + QString::number(*r.requesterId);
    else
        return Error::make(
            Error::Kind::Usage,
            QStringLiteral("The requester has neither an e-mail nor an id, so no customer can be linked."));
    const QString now = toStoreTime(m_clock.nowUtc());
    auto q = m_db.exec(QStringLiteral("INSERT INTO customers (workspace_id, name, email, domain, phone, phone_digits, "
                                      "external_id, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?) "
                                      "ON CONFLICT (workspace_id, external_id) DO UPDATE SET "
                                      "name = COALESCE(excluded.name, customers.name) RETURNING id"),
                       {r.workspaceId, sql::fromText(r.name), sql::fromText(email), sql::fromText(r.phone),
                        sql::fromText(digits), externalId, now, now});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(Error::Kind::Storage, QStringLiteral("The customer could not be created."));
    return CustomerLinkOutcome{q->value(0).toLongLong(), QStringLiteral("created")};
}

Result<qint64> CustomerStore::insert(const Customer &c)
{
    const QString now = toStoreTime(m_clock.nowUtc());
    auto q = m_db.exec(QStringLiteral("INSERT INTO customers (workspace_id, name, email, domain, phone, phone_digits, "
                                      "external_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                      "RETURNING id"),
                       {c.workspaceId, sql::fromText(c.name), sql::fromText(c.email.toLower()),
                        sql::fromText(c.domain.toLower()), sql::fromText(c.phone), sql::fromText(digitsOf(c.phone)),
                        sql::fromText(c.externalId), now, now});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(Error::Kind::Storage, QStringLiteral("The customer could not be created."));
    return q->value(0).toLongLong();
}

Result<Customer> CustomerStore::get(qint64 id)
{
    auto rows =
        m_db.exec(QStringLiteral("SELECT id, workspace_id, name, email, domain, phone, phone_digits, external_id "
                                 "FROM customers WHERE id = ?"),
                  {id});
    if (!rows)
        return rows.error();
    if (!rows->next())
        return Error::make(Error::Kind::NotFound, QStringLiteral("There is no customer %1.").arg(id));
    Customer c;
    c.id = rows->value(0).toLongLong();
    c.workspaceId = rows->value(1).toLongLong();
    c.name = rows->value(2).toString();
    c.email = rows->value(3).toString();
    c.domain = rows->value(4).toString();
    c.phone = rows->value(5).toString();
    c.phoneDigits = rows->value(6).toString();
    c.externalId = rows->value(7).toString();
    return c;
}

Result<QList<Customer>> CustomerStore::list(int limit)
{
    auto rows = m_db.exec(QStringLiteral("SELECT id FROM customers ORDER BY id LIMIT ?"), {limit});
    if (!rows)
        return rows.error();
    QList<qint64> ids;
    while (rows->next())
        ids << rows->value(0).toLongLong();
    QList<Customer> out;
    for (qint64 id : ids) {
        auto c = get(id);
        if (!c)
            return c.error();
        out << *c;
    }
    return out;
}

} // namespace cb
