#pragma once

#include "common/result.h"
#include "storage/databaselocation.h"

#include <QObject>
#include <QSqlDriver>
#include <QTimer>

#include <memory>

namespace cb {

class Database;

// Tells viewers that another connection (any process) committed a change to the store, on its own read
// connection, in the thread that created it. PostgreSQL: LISTEN casebridge_changes (NOTIFY sent by the schema-2
// triggers at commit), changed(table) per notification, no polling; a check every few seconds reconnects and
// resubscribes if the connection was lost (then changed("") once, since notifications may have been missed).
// SQLite: PRAGMA data_version every pollMs (a cheap read that moves when another connection commits);
// changed("ticket_sync_log") when the log grew, and changed("") for any change (the table is unknown).
class ChangeNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeNotifier)

public:
    static const char *const kChannel; // "casebridge_changes"

    explicit ChangeNotifier(DatabaseLocation location, QObject *parent = nullptr);
    ~ChangeNotifier() override;

    // Opens the connection and subscribes (PostgreSQL) or starts polling (SQLite).
    Status start(int pollMs = 300);
    void stop();
    bool usesNotify() const { return m_location.kind() == DatabaseLocation::Kind::Postgres; }

Q_SIGNALS:
    // The name of a table that changed; empty when the store cannot tell which.
    void changed(const QString &table);

private:
    Status connectStore();
    void handleNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void handleTimer();
    void pollSqlite();
    void checkPostgres();

    DatabaseLocation m_location;
    std::unique_ptr<Database> m_db;
    QTimer m_timer;
    qint64 m_dataVersion = -1;
    qint64 m_lastLogId = -1;
};

} // namespace cb
