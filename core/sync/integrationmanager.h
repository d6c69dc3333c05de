#pragma once

#include "common/result.h"
#include "domain/integration.h"
#include "domain/integrationsettings.h"
#include "domain/webhooksetupinfo.h"
#include "helpdesk/helpdeskclientmaker.h"
#include "helpdesk/helpdesktypes.h"
#include "sync/directoryrefresher.h"

#include <QCoroTask>

#include <functional>
#include <memory>

namespace cb {

class Clock;
class Database;
class SecretStore;

struct ConnectRequest
{
    QString provider = QStringLiteral("freshdesk");
    QString domain;
    QByteArray apiKey;
    IntegrationSettings settings;
    QString receiverBaseUrl = QStringLiteral("http://127.0.0.1:8780"); // what Freshdesk will call
};

struct ConnectOutcome
{
    Integration integration;
    HelpdeskAgent agent;
    WebhookSetupInfo setup; // holds the secret: show it once, then drop it
    int relinkedCases = 0;  // cases of this account that were linked to an earlier integration
};

// Connect, rotate and disconnect helpdesks. Connecting verifies the key first (a bad key, a wrong domain or a
// non-admin agent persists nothing), then stores the integration with only the SHA-256 of a fresh webhook
// secret, and the API key in the SecretStore (if that fails, the integration is removed again).
class IntegrationManager
{
public:
    using ClientMaker = HelpdeskClientMaker;

    IntegrationManager(Database &db, const Clock &clock, SecretStore &secrets, ClientMaker makeClient);

    // Verify only (the wizard's Verify button): nothing is stored.
    QCoro::Task<Result<HelpdeskAgent>> verify(QString provider, QString domain, QByteArray apiKey);
    // The account's agents and groups, read with a key not stored yet (the wizard's pickers by name).
    QCoro::Task<Result<std::pair<QList<HelpdeskAgent>, QList<HelpdeskGroup>>>>
    accountNames(QString provider, QString domain, QByteArray apiKey);
    QCoro::Task<Result<ConnectOutcome>> connect(ConnectRequest request);
    // A new secret, shown once; the old one stays valid for `graceSeconds`.
    // It needs no API key, so no SecretStore either.
    static Result<WebhookSetupInfo> rotateSecret(Database &db, const Clock &clock, const QString &integrationId,
                                                 qint64 graceSeconds, const QString &receiverBaseUrl = {});
    QCoro::Task<Status> rotateKey(QString integrationId, QByteArray newApiKey);
    // Keeps the cases, drops the credentials, stops syncing.
    QCoro::Task<Status> disconnect(QString integrationId);
    // The account's agents, groups and companies read again into the NameDirectory, with the stored key.
    QCoro::Task<Result<DirectoryCounts>> refreshDirectory(QString integrationId);

    // What the admin pastes: Freshdesk automation rules, or Freshservice Workflow Automator nodes.
    static QStringList rulePayloads(const QString &provider = QStringLiteral("freshdesk"));
    // {base}/api/webhooks/{freshdesk|freshservice}/{id}; the receiver also takes any provider under /freshdesk/.
    static QString webhookUrl(const QString &receiverBaseUrl, const QString &integrationId,
                              const QString &provider = QStringLiteral("freshdesk"));

private:
    Database &m_db;
    const Clock &m_clock;
    SecretStore &m_secrets;
    ClientMaker m_makeClient;
};

} // namespace cb

Q_DECLARE_METATYPE(cb::ConnectRequest)
