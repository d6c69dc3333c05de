#include "integrationchoicesquery.h"

#include "storage/database.h"

namespace cb {

IntegrationChoicesQuery::IntegrationChoicesQuery(Database &db)
    : m_db(db)
{}

Result<QList<IntegrationChoice>> IntegrationChoicesQuery::active() const
{
    auto q = m_db.exec(
        QStringLiteral("SELECT id, domain, provider FROM integrations WHERE state = 'active' ORDER BY domain, id"));
    if (!q)
        return q.error();
    QList<IntegrationChoice> out;
    while (q->next())
        out << IntegrationChoice{q->value(0).toString(), q->value(1).toString(), q->value(2).toString()};
    return out;
}

} // namespace cb
