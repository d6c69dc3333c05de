#include "providertexts.h"

namespace cb::ui {

ProviderTexts ProviderTexts::forProvider(const QString &provider)
{
    ProviderTexts t;
    if (provider == QLatin1String("freshservice")) {
        t.id = QStringLiteral("freshservice");
        t.name = QStringLiteral("Freshservice");
        t.domainExample = tr("yourcompany.freshservice.com");
        t.apiKeyLocation = tr("Profile settings → Your API key");
        t.webhookSetup = tr("a Trigger Webhook node in each of the two Freshservice workflows (Admin → Workflow "
                            "Automator)");
        t.webhookUpdate = tr("the Trigger Webhook nodes of your Freshservice Workflow Automator workflows");
        return t;
    }
    t.id = QStringLiteral("freshdesk");
    t.name = QStringLiteral("Freshdesk");
    t.domainExample = tr("yourcompany.freshdesk.com");
    t.apiKeyLocation = tr("Profile settings → View API key");
    t.webhookSetup = tr("your two Freshdesk automation rules (ticket creation and ticket update)");
    t.webhookUpdate = tr("the automation rules in Freshdesk");
    return t;
}

QString ProviderTexts::ruleName(int number) const
{
    return id == QLatin1String("freshservice") ? tr("Workflow %1").arg(number) : tr("Automation rule %1").arg(number);
}

QString ProviderTexts::copyRule(int number) const
{
    return id == QLatin1String("freshservice") ? tr("Copy workflow %1").arg(number) : tr("Copy rule %1").arg(number);
}

} // namespace cb::ui
