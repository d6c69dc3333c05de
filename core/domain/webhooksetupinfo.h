#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace cb {

// What an admin pastes into the helpdesk (Freshdesk automation rules, Freshservice Workflow Automator), shown
// exactly once after connecting or rotating the secret.
struct WebhookSetupInfo
{
    QString integrationId;
    QString domain; // the helpdesk's, as stored in integrations.domain
    QString webhookUrl;
    QString headerName = QStringLiteral("X-Casebridge-Webhook-Secret");
    QString secret;
    QStringList rulePayloads;                       // the two automation rules: ticket created, ticket updated
    QString provider = QStringLiteral("freshdesk"); // whose admin pastes it: freshdesk | freshservice
};

} // namespace cb

Q_DECLARE_METATYPE(cb::WebhookSetupInfo)
