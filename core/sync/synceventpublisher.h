#pragma once

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace cb {

class Database;
class SyncEvents;
class SyncHost;

// The console's view of the store as it changes, on the sync thread: commits of any process (the host's
// ChangeNotifier), coalesced to one logAppended / casesChanged / healthChanged per burst; integration health every
// 2 s; screen pops, each call once, whether this console's receiver or another process's took the contact event.
// Emits on the ConsoleSyncBackend's SyncEvents.
class SyncEventPublisher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEventPublisher)

public:
    SyncEventPublisher(Database &db, SyncHost &host, SyncEvents &events, QObject *parent = nullptr);
    ~SyncEventPublisher() override;

    // Health now and every 2 s from here on.
    void start();
    void publishHealth();

private:
    void handleStoreChanged(const QString &table);
    void publishChanges();
    void publishPops();
    void popOnce(const QString &integrationId, const QString &callId, const QJsonObject &match);

    Database &m_db;
    SyncHost &m_host;
    SyncEvents &m_events;
    QTimer m_healthTimer;
    QTimer m_changeTimer; // coalesces notifications (one refresh per burst)
    QSet<QString> m_changedTables;
    qint64 m_lastPopId = 0;
    QSet<QString> m_popped; // integration + call id: each call pops once here
};

} // namespace cb
