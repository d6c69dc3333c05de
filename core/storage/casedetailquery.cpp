#include "casedetailquery.h"

#include "common/clock.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "storage/sqlvalues.h"

#include <QJsonValue>
#include <QSqlQuery>

namespace cb {

CaseDetailQuery::CaseDetailQuery(Database &db)
    : m_db(db)
{}

Result<CaseDetail> CaseDetailQuery::detail(qint64 caseId) const
{
    auto c = CaseStore(m_db, Clock::system()).get(caseId);
    if (!c)
        return c.error();
    CaseDetail out;
    out.c = *c;
    out.deleted = c->remoteState.value(QStringLiteral("deleted")).toBool();
    out.spam = c->remoteState.value(QStringLiteral("spam")).toBool();
    out.channel = c->remoteState.value(QStringLiteral("channel")).toString();
    QString domain;
    if (c->customerId) {
        auto q = m_db.exec(QStringLiteral("SELECT name, email, domain FROM customers WHERE id = ?"), {*c->customerId});
        if (!q)
            return q.error();
        if (q->next()) {
            out.requesterName = q->value(0).toString();
            out.requesterEmail = q->value(1).toString();
            domain = q->value(2).toString();
        }
    }
    if (!c->integrationId.isEmpty()) {
        auto names = NameDirectory(m_db, Clock::system()).forIntegration(c->integrationId);
        if (!names)
            return names.error();
        out.names = *names;
        auto integration = IntegrationStore(m_db, Clock::system()).get(c->integrationId);
        if (!integration)
            return integration.error();
        out.helpdeskDomain = integration->domain;
        out.settings = IntegrationSettings::fromJson(integration->settings);
    }
    const QJsonValue companyId = c->remoteState.value(QStringLiteral("company_id"));
    out.company = companyId.isDouble() ? out.names.name(DirectoryKind::Company, companyId.toInteger()) : domain;
    return out;
}

Result<QList<Comment>> CaseDetailQuery::conversation(qint64 caseId) const
{
    auto q = m_db.exec(QStringLiteral("SELECT id, external_id, author, body, private, source, created_at "
                                      "FROM comments WHERE case_id = ? ORDER BY created_at, id"),
                       {caseId});
    if (!q)
        return q.error();
    QList<Comment> out;
    while (q->next()) {
        Comment c;
        c.id = q->value(0).toLongLong();
        c.caseId = caseId;
        c.externalId = sql::toOptionalInt(q->value(1));
        c.author = q->value(2).toString();
        c.body = q->value(3).toString();
        c.isPrivate = q->value(4).toInt() != 0;
        c.source = q->value(5).toString();
        c.createdAt = sql::toTime(q->value(6));
        out << c;
    }
    return out;
}

} // namespace cb
