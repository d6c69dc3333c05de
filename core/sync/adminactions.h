#pragma once

#include "domain/integrationsettings.h"

#include <QCoroTask>
#include <QObject>

namespace cb {

class Database;
class IntegrationManager;

// What an administrator does to a connected helpdesk from the console: settings, the account's names, a new API
// key, disconnecting, and pushes that gave up. Lives on the sync thread (ConsoleSyncBackend owns it; ConsoleSyncProxy
// queues the calls); every answer is a signal naming the action: settings | directory | rotate_key | disconnect | push.
class AdminActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminActions)

public:
    AdminActions(Database &db, IntegrationManager *manager, QObject *parent = nullptr);

    void saveSettings(const QString &integrationId, const IntegrationSettings &settings);
    void refreshDirectory(const QString &integrationId);
    void rotateKey(const QString &integrationId, const QByteArray &apiKey);
    void disconnectIntegration(const QString &integrationId);
    void retryPush(qint64 outboxId);
    void discardPush(qint64 outboxId);

Q_SIGNALS:
    void done(const QString &action, const QString &integrationId, const QString &message);
    void failed(const QString &action, const QString &integrationId, const QString &message);

private:
    QCoro::Task<> runRefresh(QString integrationId);
    QCoro::Task<> runRotateKey(QString integrationId, QByteArray apiKey);
    QCoro::Task<> runDisconnect(QString integrationId);
    bool ready(const QString &action, const QString &integrationId);

    Database &m_db;
    IntegrationManager *m_manager;
};

} // namespace cb
