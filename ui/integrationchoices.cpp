#include "integrationchoices.h"

#include "helpdesk/freshdesk/freshdeskdomain.h"
#include "storage/integrationchoicesquery.h"

namespace cb::ui {

QList<IntegrationChoices::Choice> IntegrationChoices::load(Database *readOnly)
{
    QList<Choice> out;
    if (!readOnly)
        return out;
    auto active = IntegrationChoicesQuery(*readOnly).active();
    if (!active)
        return out;
    for (const IntegrationChoice &c : *active)
        out << Choice{c.id, displayName(c.domain), c.provider};
    return out;
}

QString IntegrationChoices::displayName(const QString &domain)
{
    if (FreshdeskDomain::isLoopbackHost(domain.section(QLatin1Char(':'), 0, 0)))
        return tr("Sandbox");
    return domain;
}

} // namespace cb::ui
