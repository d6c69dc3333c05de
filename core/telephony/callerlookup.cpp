#include "callerlookup.h"

#include "domain/phonenumber.h"
#include "storage/database.h"
#include "storage/namedirectory.h"

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
    // The assignee by name, from the account's directory.
    auto cases = m_db.exec(QStringLiteral("SELECT k.id, k.external_ticket_id, k.subject, k.status, k.priority, "
                                          "k.updated_at, k.customer_id, k.assignee_id, a.name FROM cases k "
                                          "LEFT JOIN integrations i ON i.id = k.integration_id "
                                          "LEFT JOIN helpdesk_directory a ON a.provider = i.provider AND "
                                          "a.account = i.domain AND a.kind = 'agent' AND "
                                          "a.external_id = k.assignee_id WHERE k.customer_id IN (") +
                               placeholders +
                               QStringLiteral(") AND k.status NOT IN ('resolved', 'closed') "
                                              "ORDER BY k.updated_at DESC LIMIT ?"),
                           ids + QVariantList{maxTickets});
    if (!cases)
        return cases.error();
    while (cases->next()) {
        m.tickets.append(QJsonObject{
            {QStringLiteral("case_id"), cases->value(0).toLongLong()},
            {QStringLiteral("ticket_id"), cases->value(1).toLongLong()},
            {QStringLiteral("subject"), cases->value(2).toString()},
            {QStringLiteral("status"), cases->value(3).toString()},
            {QStringLiteral("priority"), cases->value(4).toString()},
            {QStringLiteral("updated_at"), cases->value(5).toString()},
            {QStringLiteral("customer_id"), cases->value(6).toLongLong()},
            {QStringLiteral("assignee"),
             cases->value(7).isNull() ? QJsonValue()
             : !cases->value(8).isNull()
                 ? QJsonValue(cases->value(8).toString())
                 : QJsonValue(DirectoryNames::unknown(DirectoryKind::Agent, cases->value(7).toLongLong()))}});
    }
    return m;
}

} // namespace cb
