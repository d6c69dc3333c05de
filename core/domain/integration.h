#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace cb {

// A connected helpdesk. The API key is never here: it lives in the SecretStore.
struct Integration
{
    QString id; // uuid without braces
    qint64 workspaceId = 1;
    QString provider = QStringLiteral("freshdesk");
    QString domain; // normalised host, e.g. acme.freshdesk.com or 127.0.0.1:8765
    std::optional<qint64> agentId;
    QString agentName;
    QString agentEmail;
    QJsonObject settings; // intake, handoff, comments, footer, receiver...
    QByteArray webhookSecretHash;
    QByteArray previousSecretHash;
    QDateTime previousSecretExpiresAt;
    QString state = QStringLiteral("active"); // active | disconnected
    QDateTime watermark;                      // reconciler: last updated_at seen
    QDateTime createdAt;
};

} // namespace cb
