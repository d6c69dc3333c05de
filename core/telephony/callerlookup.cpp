#include "callerlookup.h"

#include "domain/phonenumber.h"
#include "storage/database.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace cb {

CallerLookup::CallerLookup(Database &db)
    : m_db(db)
{}

Result<CallerMatch> CallerLookup::lookup(qint64 workspaceId, const QString &phoneNumber, const QString &callingCode,
                                         int maxTickets)
{
    CallerMatch m;
    m.e164 = PhoneNumber::normalise(phoneNumber, callingCode);
    if (m.e164.isEmpty())
        return m;
    auto customers = m_db.exec(QStringLiteral("SELECT c.id, c.name, c.email FROM customer_phones p "
                                              "JOIN customers c ON c.id = p.customer_id "
                                              "WHERE p.workspace_id = ? AND p.e164 = ? ORDER BY c.id LIMIT 20"),
                               {workspaceId, m.e164});
    if (!customers)
        return customers.error();
    QVariantList ids;
    while (customers->next()) {
        ids << customers->value(0);
        m.customers.append(QJsonObject{{QStringLiteral("id"), customers->value(0).toLongLong()},
                                       {QStringLiteral("name"), customers->value(1).toString()},
                                       {QStringLiteral("email"), customers->value(2).toString()}});
    }
    if (ids.isEmpty())
        return m;
    QString placeholders = QStringLiteral("?");
    for (qsizetype i = 1; i < ids.size(); ++i)
        placeholders += QStringLiteral(", ?");
    auto cases = m_db.exec(QStringLiteral("SELECT id, external_ticket_id, subject, status, priority, updated_at, "
                                          "customer_id FROM cases WHERE customer_id IN (") +
                               placeholders +
                               QStringLiteral(") AND status NOT IN ('resolved', 'closed') "
                                              "ORDER BY updated_at DESC LIMIT ?"),
                           ids + QVariantList{maxTickets});
    if (!cases)
        return cases.error();
    while (cases->next()) {
        m.tickets.append(QJsonObject{{QStringLiteral("case_id"), cases->value(0).toLongLong()},
                                     {QStringLiteral("ticket_id"), cases->value(1).toLongLong()},
                                     {QStringLiteral("subject"), cases->value(2).toString()},
                                     {QStringLiteral("status"), cases->value(3).toString()},
                                     {QStringLiteral("priority"), cases->value(4).toString()},
                                     {QStringLiteral("updated_at"), cases->value(5).toString()},
                                     {QStringLiteral("customer_id"), cases->value(6).toLongLong()}});
    }
    return m;
}

} // namespace cb
