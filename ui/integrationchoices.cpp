#include "integrationchoices.h"

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
        out << Choice{q->value(0).toString(), q->value(1).toString(), q->value(2).toString()};
    return out;
}

} // namespace cb::ui
