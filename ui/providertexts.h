#pragma once

#include <QCoreApplication>
#include <QString>

namespace cb::ui {

// What the console says about a helpdesk provider ("freshdesk" | "freshservice"): its name and where its admin finds
// the API key and sets up webhooks. The one place these words live; an unknown id reads as Freshdesk.
class ProviderTexts final
{
    Q_DECLARE_TR_FUNCTIONS(cb::ui::ProviderTexts)

public:
    static ProviderTexts forProvider(const QString &provider);

    QString id;                         // "freshservice"
    QString name;                       // "Freshservice"
    QString domainExample;              // "yourcompany.freshservice.com"
    QString apiKeyLocation;             // "Profile settings → Your API key"
    QString webhookSetup;               // where the webhook goes, as the object of "Copy it into …"
    QString webhookUpdate;              // the same place, as the object of "update … without losing a webhook"
    QString ruleName(int number) const; // "Automation rule 1" / "Workflow 1"
    QString copyRule(int number) const; // its copy button: "Copy rule 1" / "Copy workflow 1"
};

} // namespace cb::ui
