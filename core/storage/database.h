#pragma once

#include "common/result.h"
#include "storage/databaselocation.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <memory>

namespace cb {

// One connection to the store, owned by and used only in the thread that opened it.
// SQLite: WAL, foreign keys, synchronous=FULL, busy timeout; writes in BEGIN IMMEDIATE.
// An existing file is checked before anything is written to it: a file that is not a Casebridge store, or
// one with a newer schema, is refused and left exactly as it was.
class Database final
{
public:
    enum class Access
    {
        ReadWrite,
        ReadOnly
    };

    static Result<std::unique_ptr<Database>> open(const DatabaseLocation &location, Access access = Access::ReadWrite);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    bool isPostgres() const { return m_location.kind() == DatabaseLocation::Kind::Postgres; }
    const DatabaseLocation &location() const { return m_location; }
    QSqlDatabase handle() const;
    int schemaVersion() const { return m_schemaVersion; }

    // Prepares and runs one statement with positional (?) arguments.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &args = {});
    // Runs a statement and returns the first column of its first row (invalid QVariant when no row).
    Result<QVariant> scalar(const QString &sql, const QVariantList &args = {});

    // Write transactions nest: only the outermost begin/commit reach the database.
    Status begin();
    Status commit();
    void rollback();
    bool inTransaction() const { return m_depth > 0; }

    // PostgreSQL: closes and reopens this connection (after the server dropped it: a restart, a failover, an
    // administrator). Session state (advisory locks, LISTEN) is gone. Not inside a transaction; SQLite: nothing to do.
    Status reconnect();

    // A stable error for a failed statement, with the driver text as log-safe detail.
    static Error storageError(const QString &what, const QSqlError &err);

private:
    Database(DatabaseLocation location, QString connectionName);
    Status openSqlite(Access access);
    Status openPostgres();
    Result<int> readSchemaVersion();

    DatabaseLocation m_location;
    QString m_connectionName;
    int m_schemaVersion = 0;
    int m_depth = 0;
    bool m_rollbackOnly = false;
    // SQLite: scalar()'s prepared statements, reused (a webhook's inbox insert is a few of them per request).
    QHash<QString, QSqlQuery> m_scalarStatements;
};

// RAII write transaction: rolls back unless commit() succeeded.
class WriteTransaction final
{
public:
    explicit WriteTransaction(Database &db);
    ~WriteTransaction();
    Q_DISABLE_COPY_MOVE(WriteTransaction)

    const Status &started() const { return m_started; }
    Status commit();

private:
    Database &m_db;
    Status m_started;
    bool m_done = false;
};

} // namespace cb
