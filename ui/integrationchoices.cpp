#include "integrationchoices.h"

#include "helpdesk/freshdesk/freshdeskdomain.h"
#include "storage/database.h"

namespace cb::ui {

QList<IntegrationChoices::Choice> IntegrationChoices::load(Database *readOnly)
{
    QList<Choice> out;
    if (!readOnly)
        return out;
    auto q = readOnly->exec(
        QStringLiteral("SELECT id, domain, provider FROM integrations WHERE state = 'active' ORDER BY domain"));
    if (!q)
        return out;
    while (q->next())
        out << Choice{q->value(0).toString(), displayName(q->value(1).toString()), q->value(2).toString()};
    return out;
}

QString IntegrationChoices::displayName(const QString &domain)
{
    if (FreshdeskDomain::isLoopbackHost(domain.section(QLatin1Char(':'), 0, 0)))
        return tr("Sandbox");
    return domain;
}

} // namespace cb::ui
