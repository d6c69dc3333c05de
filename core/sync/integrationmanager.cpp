#include "integrationmanager.h"

#include "common/clock.h"
#include "common/logging.h"
#include "helpdesk/helpdeskclient.h"
#include "secrets/secretstore.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "webhook/webhooksecret.h"

#include <QCoreApplication>

namespace cb {

IntegrationManager::IntegrationManager(Database &db, const Clock &clock, SecretStore &secrets, ClientMaker makeClient)
    : m_db(db)
    , m_clock(clock)
    , m_secrets(secrets)
    , m_makeClient(std::move(makeClient))
{}

QString IntegrationManager::webhookUrl(const QString &receiverBaseUrl, const QString &integrationId,
                                       const QString &provider)
{
    QString base = receiverBaseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QString segment = provider == QLatin1String("freshservice") ? provider : QStringLiteral("freshdesk");
    return base + QStringLiteral("/api/webhooks/") + segment + QLatin1Char('/') + integrationId;
}

QStringList IntegrationManager::rulePayloads(const QString &provider)
{
    if (provider == QLatin1String("freshservice")) {
        // Workflow Automator (Admin → Workflow Automator → New Automator → Ticket), one workflow per event, each
        // ending in a "Trigger Webhook" action node (POST, JSON, Advanced content, the secret as a custom
        // header). Freshservice renders {{ticket.id}} as a display id ("#INC-42"); the receiver reads the number.
        const QString raised = QStringLiteral(
            "{\"ticket_id\": \"{{ticket.id}}\", \"event\": \"created\", \"subject\": \"{{ticket.subject}}\", "
            "\"status\": \"{{ticket.status}}\", \"priority\": \"{{ticket.priority}}\", \"requester_email\": "
            "\"{{ticket.from_email}}\"}");
        const QString updated = QStringLiteral(
            "{\"ticket_id\": \"{{ticket.id}}\", \"event\": \"updated\", \"status\": \"{{ticket.status}}\", "
            "\"priority\": \"{{ticket.priority}}\", \"agent_email\": \"{{ticket.agent.email}}\", \"group\": "
            "\"{{ticket.group.name}}\"}");
        return {QCoreApplication::translate("cb::CoreMessages",
                                            "Workflow 1 — Workflow Automator, event \"Ticket is raised\", action node "
                                            "Trigger Webhook (POST, JSON, Advanced):") +
                    QLatin1Char('\n') + raised,
                QCoreApplication::translate("cb::CoreMessages",
                                            "Workflow 2 — Workflow Automator, event \"Ticket is updated\" (status, "
                                            "priority, agent or group changed, or a note added), action node Trigger "
                                            "Webhook (POST, JSON, Advanced):") +
                    QLatin1Char('\n') + updated};
    }
    // Advanced-mode JSON bodies for two Freshdesk automation rules ("Trigger webhook", POST, JSON, with the secret
    // header). Placeholders render as strings; the receiver accepts names or ids for status and priority.
    const QString created = QStringLiteral(
        "{\"ticket_id\": \"{{ticket.id}}\", \"event\": \"created\", \"triggered_event\": \"{{triggered_event}}\", "
        "\"subject\": \"{{ticket.subject}}\", \"status\": \"{{ticket.status}}\", \"priority\": "
        "\"{{ticket.priority}}\", \"requester_email\": \"{{ticket.from_email}}\"}");
    const QString updated = QStringLiteral(
        "{\"ticket_id\": \"{{ticket.id}}\", \"event\": \"updated\", \"triggered_event\": \"{{triggered_event}}\", "
        "\"status\": \"{{ticket.status}}\", \"priority\": \"{{ticket.priority}}\", \"agent_email\": "
        "\"{{ticket.agent.email}}\", \"group\": \"{{ticket.group.name}}\"}");
    return {QCoreApplication::translate(
                "cb::CoreMessages", "Rule 1 — Ticket creation rules, action Trigger webhook (POST, JSON, Advanced):") +
                QLatin1Char('\n') + created,
            QCoreApplication::translate("cb::CoreMessages",
                                        "Rule 2 — Ticket update rules (status, priority, agent, group changed or note "
                                        "added), action Trigger webhook (POST, JSON, Advanced):") +
                QLatin1Char('\n') + updated};
}

QCoro::Task<Result<HelpdeskAgent>> IntegrationManager::verify(QString provider, QString domain, QByteArray apiKey)
{
    auto made = m_makeClient(provider, domain, apiKey);
    if (!made)
        co_return made.error();
    std::unique_ptr<HelpdeskClient> client = std::move(made->client);
    auto agent = co_await client->verify();
    co_return agent;
}

QCoro::Task<Result<std::pair<QList<HelpdeskAgent>, QList<HelpdeskGroup>>>>
IntegrationManager::accountNames(QString provider, QString domain, QByteArray apiKey)
{
    auto made = m_makeClient(provider, domain, apiKey);
    if (!made)
        co_return made.error();
    std::unique_ptr<HelpdeskClient> client = std::move(made->client);
    auto agents = co_await client->listAgents();
    if (!agents)
        co_return agents.error();
    auto groups = co_await client->listGroups();
    if (!groups)
        co_return groups.error();
    co_return std::make_pair(*agents, *groups);
}

QCoro::Task<Result<ConnectOutcome>> IntegrationManager::connect(ConnectRequest request)
{
    auto made = m_makeClient(request.provider, request.domain, request.apiKey);
    if (!made)
        co_return made.error();
    std::unique_ptr<HelpdeskClient> client = std::move(made->client);
    auto agent = co_await client->verify();
    if (!agent)
        co_return agent.error();
    if (!agent->isAdmin) {
        Error e =
            Error::make(Error::Kind::Auth,
                        QCoreApplication::translate("cb::CoreMessages",
                                                    "%1 is not an administrator of %2; use an administrator's API key.")
                            .arg(agent->name, made->domain));
        e.code = QStringLiteral("not_admin");
        co_return e;
    }
    const QString secret = WebhookSecret::generate();
    Integration integration;
    integration.id = IntegrationStore::newId();
    integration.provider = request.provider;
    integration.domain = made->domain;
    integration.agentId = agent->id;
    integration.agentName = agent->name;
    integration.agentEmail = agent->email.toLower();
    IntegrationSettings settings = request.settings;
    if (!settings.defaultGroupId && !agent->groupIds.isEmpty())
        settings.defaultGroupId = agent->groupIds.constFirst();
    integration.settings = settings.toJson();
    integration.settings.insert(QStringLiteral("receiver_base_url"), request.receiverBaseUrl);
    integration.webhookSecretHash = WebhookSecret::hash(secret.toLatin1());
    integration.createdAt = m_clock.nowUtc();
    if (auto st = IntegrationStore(m_db, m_clock).insert(integration); !st)
        co_return st.error();
    auto stored = co_await m_secrets.write(integration.id, request.apiKey);
    if (!stored) {
        auto removed = m_db.exec(QStringLiteral("DELETE FROM integrations WHERE id = ?"), {integration.id});
        logIfFailed(removed, "undoing a half-made integration");
        co_return stored.error();
    }
    // Reconnecting an account: its cases (and their queued edits) follow the new integration.
    auto relinked =
        CaseStore(m_db, m_clock)
            .relinkAccount(integration.id, integration.workspaceId, integration.provider, integration.domain);
    if (!relinked)
        co_return relinked.error();
    if (*relinked > 0)
        qCInfo(lcSync) << "re-linked" << *relinked << "cases of" << integration.domain << "to the new integration";
    ConnectOutcome out;
    out.relinkedCases = *relinked;
    out.integration = integration;
    out.agent = *agent;
    out.setup.integrationId = integration.id;
    out.setup.domain = integration.domain;
    out.setup.webhookUrl = webhookUrl(request.receiverBaseUrl, integration.id, integration.provider);
    out.setup.secret = secret;
    out.setup.rulePayloads = rulePayloads(integration.provider);
    out.setup.provider = integration.provider;
    qCInfo(lcSync) << "connected" << integration.provider << integration.domain << "as integration" << integration.id;
    co_return out;
}

Result<WebhookSetupInfo> IntegrationManager::rotateSecret(Database &db, const Clock &clock,
                                                          const QString &integrationId, qint64 graceSeconds,
                                                          const QString &receiverBaseUrl)
{
    IntegrationStore store(db, clock);
    auto integration = store.get(integrationId);
    if (!integration)
        return integration.error();
    const QString secret = WebhookSecret::generate();
    integration->previousSecretHash = integration->webhookSecretHash;
    integration->previousSecretExpiresAt = clock.nowUtc().addSecs(graceSeconds);
    integration->webhookSecretHash = WebhookSecret::hash(secret.toLatin1());
    if (auto st = store.update(*integration); !st)
        return st.error();
    const QString base = !receiverBaseUrl.isEmpty() ? receiverBaseUrl
                                                    : integration->settings.value(QStringLiteral("receiver_base_url"))
                                                          .toString(QStringLiteral("http://127.0.0.1:8780"));
    WebhookSetupInfo info;
    info.integrationId = integrationId;
    info.domain = integration->domain;
    info.webhookUrl = webhookUrl(base, integrationId, integration->provider);
    info.secret = secret;
    info.rulePayloads = rulePayloads(integration->provider);
    info.provider = integration->provider;
    return info;
}

QCoro::Task<Status> IntegrationManager::rotateKey(QString integrationId, QByteArray newApiKey)
{
    IntegrationStore store(m_db, m_clock);
    auto integration = store.get(integrationId);
    if (!integration)
        co_return integration.error();
    auto made = m_makeClient(integration->provider, integration->domain, newApiKey);
    if (!made)
        co_return made.error();
    std::unique_ptr<HelpdeskClient> client = std::move(made->client);
    auto agent = co_await client->verify();
    if (!agent)
        co_return agent.error();
    if (!agent->isAdmin) {
        Error e =
            Error::make(Error::Kind::Auth,
                        QCoreApplication::translate("cb::CoreMessages", "The new key is not an administrator's; use an "
                                                                        "administrator's API key."));
        e.code = QStringLiteral("not_admin");
        co_return e;
    }
    auto stored = co_await m_secrets.write(integrationId, newApiKey);
    if (!stored)
        co_return stored.error();
    // Bump the settings so a running engine rebuilds its client with the new key within a second.
    integration->settings.insert(QStringLiteral("key_rotated_at"), toStoreTime(m_clock.nowUtc()));
    integration->agentId = agent->id;
    integration->agentName = agent->name;
    integration->agentEmail = agent->email.toLower();
    co_return store.update(*integration);
}

QCoro::Task<Result<DirectoryCounts>> IntegrationManager::refreshDirectory(QString integrationId)
{
    auto integration = IntegrationStore(m_db, m_clock).get(integrationId);
    if (!integration)
        co_return integration.error();
    if (integration->state != QLatin1String("active"))
        co_return Error::make(Error::Kind::Usage,
                              QCoreApplication::translate("cb::CoreMessages",
                                                          "Integration %1 is disconnected; connect the account again.")
                                  .arg(integrationId));
    auto key = co_await m_secrets.read(integrationId);
    if (!key)
        co_return key.error();
    auto made = m_makeClient(integration->provider, integration->domain, *key);
    if (!made)
        co_return made.error();
    std::unique_ptr<HelpdeskClient> client = std::move(made->client);
    auto counts = co_await DirectoryRefresher(m_db, m_clock).refresh(*integration, client.get());
    co_return counts;
}

QCoro::Task<Status> IntegrationManager::disconnect(QString integrationId)
{
    IntegrationStore store(m_db, m_clock);
    auto integration = store.get(integrationId);
    if (!integration)
        co_return integration.error();
    auto removed = co_await m_secrets.remove(integrationId);
    if (!removed && removed.error().kind != Error::Kind::NotFound)
        co_return removed.error();
    integration->state = QStringLiteral("disconnected");
    integration->webhookSecretHash.clear();
    integration->previousSecretHash.clear();
    co_return store.update(*integration);
}

} // namespace cb
