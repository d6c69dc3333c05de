#include "adminactions.h"

#include "common/clock.h"
#include "storage/outbox.h"
#include "sync/integrationconfigurator.h"
#include "sync/integrationmanager.h"

#include <QPointer>

namespace cb {

AdminActions::AdminActions(Database &db, IntegrationManager *manager, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_manager(manager)
{}

bool AdminActions::ready(const QString &action, const QString &integrationId)
{
    if (m_manager)
        return true;
    Q_EMIT failed(action, integrationId,
                  tr("The sync engine is not ready; wait until the store is open and try again."));
    return false;
}

void AdminActions::saveSettings(const QString &integrationId, const IntegrationSettings &settings)
{
    const QString action = QStringLiteral("settings");
    auto st = IntegrationConfigurator(m_db, Clock::system()).save(integrationId, settings);
    if (!st)
        Q_EMIT failed(action, integrationId, st.error().message);
    else
        Q_EMIT done(action, integrationId, tr("Settings saved; syncing follows them within a second."));
}

void AdminActions::refreshDirectory(const QString &integrationId)
{
    if (ready(QStringLiteral("directory"), integrationId))
        runRefresh(integrationId);
}

QCoro::Task<> AdminActions::runRefresh(QString integrationId)
{
    QPointer<AdminActions> self(this);
    auto counts = co_await m_manager->refreshDirectory(integrationId);
    if (!self)
        co_return;
    if (!counts)
        Q_EMIT failed(QStringLiteral("directory"), integrationId, counts.error().message);
    else
        Q_EMIT done(QStringLiteral("directory"), integrationId,
                    tr("Read %1 agents, %2 groups and %3 companies from the helpdesk.")
                        .arg(counts->agents)
                        .arg(counts->groups)
                        .arg(counts->companies));
}

void AdminActions::rotateKey(const QString &integrationId, const QByteArray &apiKey)
{
    if (ready(QStringLiteral("rotate_key"), integrationId))
        runRotateKey(integrationId, apiKey);
}

QCoro::Task<> AdminActions::runRotateKey(QString integrationId, QByteArray apiKey)
{
    QPointer<AdminActions> self(this);
    auto st = co_await m_manager->rotateKey(integrationId, apiKey);
    if (!self)
        co_return;
    if (!st)
        Q_EMIT failed(QStringLiteral("rotate_key"), integrationId, st.error().message);
    else
        Q_EMIT done(QStringLiteral("rotate_key"), integrationId,
                    tr("The new API key works and replaced the old one; the webhook URL is unchanged."));
}

void AdminActions::disconnectIntegration(const QString &integrationId)
{
    if (ready(QStringLiteral("disconnect"), integrationId))
        runDisconnect(integrationId);
}

QCoro::Task<> AdminActions::runDisconnect(QString integrationId)
{
    QPointer<AdminActions> self(this);
    auto st = co_await m_manager->disconnect(integrationId);
    if (!self)
        co_return;
    if (!st)
        Q_EMIT failed(QStringLiteral("disconnect"), integrationId, st.error().message);
    else
        Q_EMIT done(QStringLiteral("disconnect"), integrationId,
                    tr("Disconnected: the API key and webhook secret are gone; the cases stay."));
}

void AdminActions::retryPush(qint64 outboxId)
{
    auto n = Outbox(m_db, Clock::system()).retryDead(outboxId);
    if (!n)
        Q_EMIT failed(QStringLiteral("push"), {}, n.error().message);
    else
        Q_EMIT done(QStringLiteral("push"), {}, tr("Push %1 queued again.").arg(outboxId));
}

void AdminActions::discardPush(qint64 outboxId)
{
    auto st = Outbox(m_db, Clock::system()).discardDead(outboxId);
    if (!st)
        Q_EMIT failed(QStringLiteral("push"), {}, st.error().message);
    else
        Q_EMIT done(QStringLiteral("push"), {},
                    tr("Push %1 discarded; the case keeps its value in Casebridge.").arg(outboxId));
}

} // namespace cb
