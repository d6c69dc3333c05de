#include "database.h"

#include "common/logging.h"
#include "storage/migrations.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrlQuery>

#include <atomic>

namespace cb {

namespace {
std::atomic<quint64> g_connectionCounter{0};
}

Database::Database(DatabaseLocation location, QString connectionName)
    : m_location(std::move(location))
    , m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    m_scalarStatements.clear(); // before the connection goes
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseLocation &location, Access access)
{
    const QString name = QStringLiteral("cb-%1").arg(++g_connectionCounter);
    std::unique_ptr<Database> db(new Database(location, name));
    const Status st = location.kind() == DatabaseLocation::Kind::Sqlite ? db->openSqlite(access) : db->openPostgres();
    if (!st)
        return st.error();
    return db;
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Error Database::storageError(const QString &what, const QSqlError &err)
{
    const QString native = err.nativeErrorCode();
    Error e = Error::make(Error::Kind::Storage, what, err.text());
    // SQLITE_BUSY (5) and its extended codes: another writer holds the lock; worth retrying.
    if (native == QLatin1String("5") || native == QLatin1String("517") || native == QLatin1String("261"))
        e.kind = Error::Kind::Unavailable;
    return e;
}

Status Database::openSqlite(Access access)
{
    const QString path = m_location.sqlitePath();
    const QFileInfo info(path);
    const bool exists = info.exists();
    if (exists && !info.isFile()) {
        return Error::make(
            Error::Kind::Storage,
            QStringLiteral("%1 is not a file; give --database the path of a Casebridge store.").arg(path));
    }
    if (!exists) {
        if (access == Access::ReadOnly) {
            return Error::make(Error::Kind::NotFound,
                               QStringLiteral("No store at %1; run casebridge-sync once to create it.").arg(path));
        }
        if (!QDir().mkpath(info.absolutePath())) {
            return Error::make(Error::Kind::Storage,
                               QStringLiteral("Cannot create the folder %1; check its permissions or choose another "
                                              "--database path.")
                                   .arg(info.absolutePath()));
        }
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (access == Access::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    if (!db.open()) {
        return storageError(
            QStringLiteral("Cannot open the store %1; check that the file is readable and writable.").arg(path),
            db.lastError());
    }

    // Look before touching: nothing below this check writes to an existing file.
    auto version = readSchemaVersion();
    if (!version)
        return version.error();
    m_schemaVersion = *version;
    if (m_schemaVersion > Migrations::currentVersion()) {
        return Error::make(Error::Kind::Unsupported,
                           QStringLiteral("The store %1 was written by a newer Casebridge (schema %2; this version "
                                          "knows %3); upgrade Casebridge or choose another --database.")
                               .arg(path)
                               .arg(m_schemaVersion)
                               .arg(Migrations::currentVersion()));
    }

    QStringList pragmas = {QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA busy_timeout=5000")};
    if (access == Access::ReadWrite) {
        pragmas << QStringLiteral("PRAGMA journal_mode=WAL") << QStringLiteral("PRAGMA synchronous=FULL");
    }
    for (const QString &p : pragmas) {
        auto r = exec(p);
        if (!r)
            return r.error();
    }
    if (access == Access::ReadWrite && m_schemaVersion < Migrations::currentVersion()) {
        auto migrated = Migrations::apply(*this, m_schemaVersion);
        if (!migrated)
            return migrated.error();
        m_schemaVersion = Migrations::currentVersion();
    } else if (m_schemaVersion < Migrations::currentVersion()) {
        return Error::make(Error::Kind::Unsupported,
                           QStringLiteral("The store %1 has an older schema; open it once with casebridge-sync to "
                                          "upgrade it.")
                               .arg(path));
    }
    qCDebug(lcStorage) << "opened" << path << "schema" << m_schemaVersion;
    return Ok{};
}

Status Database::openPostgres()
{
    const QUrl url = m_location.postgresUrl();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    if (!db.isValid()) {
        return Error::make(Error::Kind::Unsupported,
                           QStringLiteral("The PostgreSQL driver is not installed; install libqt6sql6-psql."));
    }
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(url.path().mid(1));
    QString options = QStringLiteral("application_name=casebridge");
    const QUrlQuery q(url);
    options += QStringLiteral(";connect_timeout=") + (q.hasQueryItem(QStringLiteral("connect_timeout"))
                                                          ? q.queryItemValue(QStringLiteral("connect_timeout"))
                                                          : QStringLiteral("5"));
    db.setConnectOptions(options);
    if (!db.open()) {
        Error e = storageError(QStringLiteral("Cannot connect to PostgreSQL at %1; check that the server runs and the "
                                              "URL is right.")
                                   .arg(m_location.displayName()),
                               db.lastError());
        e.kind = Error::Kind::Unavailable;
        return e;
    }
    auto version = readSchemaVersion();
    if (!version)
        return version.error();
    m_schemaVersion = *version;
    if (m_schemaVersion > Migrations::currentVersion()) {
        return Error::make(Error::Kind::Unsupported,
                           QStringLiteral("The database %1 was written by a newer Casebridge (schema %2; this version "
                                          "knows %3); upgrade Casebridge.")
                               .arg(m_location.displayName())
                               .arg(m_schemaVersion)
                               .arg(Migrations::currentVersion()));
    }
    if (m_schemaVersion < Migrations::currentVersion()) {
        auto migrated = Migrations::apply(*this, m_schemaVersion);
        if (!migrated)
            return migrated.error();
        m_schemaVersion = Migrations::currentVersion();
    }
    return Ok{};
}

Status Database::reconnect()
{
    if (!isPostgres())
        return Ok{};
    if (m_depth > 0)
        return Error::make(Error::Kind::Internal, QStringLiteral("Cannot reconnect inside a transaction."));
    QSqlDatabase db = handle();
    db.close();
    if (!db.open()) {
        Error e = storageError(QStringLiteral("Cannot reconnect to PostgreSQL at %1; check that the server runs.")
                                   .arg(m_location.displayName()),
                               db.lastError());
        e.kind = Error::Kind::Unavailable;
        return e;
    }
    qCInfo(lcStorage) << "reconnected to" << m_location.displayName();
    return Ok{};
}

Result<int> Database::readSchemaVersion()
{
    const QString tablesSql = isPostgres() ? QStringLiteral("SELECT table_name FROM information_schema.tables "
                                                            "WHERE table_schema = current_schema()")
                                           : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'");
    auto tables = exec(tablesSql);
    if (!tables) {
        Error e = tables.error();
        e.message = QStringLiteral("%1 is not a Casebridge store (it cannot be read as a database); choose another "
                                   "--database or move the file away.")
                        .arg(m_location.displayName());
        return e;
    }
    bool hasVersion = false;
    bool hasOtherTables = false;
    while (tables->next()) {
        const QString t = tables->value(0).toString();
        if (t == QLatin1String("schema_version"))
            hasVersion = true;
        else if (!t.startsWith(QLatin1String("sqlite_")))
            hasOtherTables = true;
    }
    if (!hasVersion) {
        if (hasOtherTables) {
            return Error::make(Error::Kind::Unsupported,
                               QStringLiteral("%1 holds tables that are not Casebridge's; choose an empty or "
                                              "Casebridge database for --database.")
                                   .arg(m_location.displayName()));
        }
        return 0;
    }
    auto v = scalar(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (!v)
        return v.error();
    return v->toInt();
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &args)
{
    QSqlQuery q(handle());
    q.setForwardOnly(true);
    if (args.isEmpty()) {
        // Unprepared: PostgreSQL cannot PREPARE DDL, and there is nothing to bind.
        if (!q.exec(sql))
            return storageError(QStringLiteral("A statement on the store failed."), q.lastError());
        return q;
    }
    if (!q.prepare(sql))
        return storageError(QStringLiteral("The store rejected a statement."), q.lastError());
    for (const QVariant &a : args)
        q.addBindValue(a);
    if (!q.exec())
        return storageError(QStringLiteral("A statement on the store failed."), q.lastError());
    return q;
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &args)
{
    if (!isPostgres() && !args.isEmpty()) {
        auto it = m_scalarStatements.find(sql);
        if (it == m_scalarStatements.end()) {
            QSqlQuery prepared(handle());
            prepared.setForwardOnly(true);
            if (!prepared.prepare(sql))
                return storageError(QStringLiteral("The store rejected a statement."), prepared.lastError());
            if (m_scalarStatements.size() >= 64)
                m_scalarStatements.clear();
            it = m_scalarStatements.insert(sql, prepared);
        }
        QSqlQuery &q = *it;
        for (qsizetype i = 0; i < args.size(); ++i)
            q.bindValue(int(i), args.at(i));
        if (!q.exec()) {
            const QSqlError err = q.lastError();
            m_scalarStatements.erase(it);
            return storageError(QStringLiteral("A statement on the store failed."), err);
        }
        QVariant v = q.next() ? q.value(0) : QVariant();
        q.finish(); // no open cursor between uses
        return v;
    }
    auto q = exec(sql, args);
    if (!q)
        return q.error();
    if (!q->next())
        return QVariant();
    return q->value(0);
}

Status Database::begin()
{
    if (m_depth++ > 0)
        return Ok{};
    m_rollbackOnly = false;
    QSqlQuery q(handle());
    const QString sql = isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    if (!q.exec(sql)) {
        m_depth = 0;
        return storageError(QStringLiteral("The store is busy; try again in a moment."), q.lastError());
    }
    return Ok{};
}

Status Database::commit()
{
    if (m_depth <= 0)
        return Error::make(Error::Kind::Internal, QStringLiteral("Commit without a transaction."));
    if (--m_depth > 0)
        return Ok{};
    QSqlQuery q(handle());
    if (m_rollbackOnly) {
        q.exec(QStringLiteral("ROLLBACK"));
        return Error::make(Error::Kind::Storage, QStringLiteral("A nested step failed; nothing was saved."));
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error e = storageError(QStringLiteral("Saving to the store failed; nothing was saved."), q.lastError());
        QSqlQuery(handle()).exec(QStringLiteral("ROLLBACK"));
        return e;
    }
    return Ok{};
}

void Database::rollback()
{
    if (m_depth <= 0)
        return;
    if (--m_depth > 0) {
        m_rollbackOnly = true;
        return;
    }
    QSqlQuery(handle()).exec(QStringLiteral("ROLLBACK"));
}

WriteTransaction::WriteTransaction(Database &db)
    : m_db(db)
    , m_started(db.begin())
{
    m_done = !m_started.ok();
}

WriteTransaction::~WriteTransaction()
{
    if (!m_done)
        m_db.rollback();
}

Status WriteTransaction::commit()
{
    if (!m_started)
        return m_started.error();
    m_done = true;
    return m_db.commit();
}

} // namespace cb
