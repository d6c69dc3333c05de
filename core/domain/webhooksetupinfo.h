#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace cb {

// What an admin pastes into Freshdesk, shown exactly once after connecting or rotating the secret.
struct WebhookSetupInfo
{
    QString integrationId;
    QString webhookUrl;
    QString headerName = QStringLiteral("X-Casebridge-Webhook-Secret");
    QString secret;
    QStringList rulePayloads; // the two automation rules: ticket created, ticket updated
};

} // namespace cb

Q_DECLARE_METATYPE(cb::WebhookSetupInfo)
