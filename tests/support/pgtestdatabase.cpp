#include "pgtestdatabase.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtDebug>

namespace cb::test {

PgTestDatabase::PgTestDatabase()
    : m_admin(qEnvironmentVariable("CB_TEST_PG_URL"))
    , m_name(QStringLiteral("cb_t_%1").arg(QRandomGenerator::global()->generate()))
{}

PgTestDatabase::~PgTestDatabase()
{
    if (m_created)
        adminExec(m_admin, QStringLiteral("DROP DATABASE IF EXISTS ") + m_name + QStringLiteral(" WITH (FORCE)"));
}

const char *PgTestDatabase::skipReason()
{
    return "No PostgreSQL in this environment (scripts/test-services.sh starts one as CB_TEST_PG_URL)";
}

bool PgTestDatabase::create()
{
    m_created = available() && adminExec(m_admin, QStringLiteral("CREATE DATABASE ") + m_name);
    return m_created;
}

QString PgTestDatabase::url() const
{
    QUrl u = m_admin;
    u.setPath(QLatin1Char('/') + m_name);
    return u.toString();
}

bool PgTestDatabase::adminExec(const QUrl &url, const QString &sql)
{
    bool ok = false;
    const QString connection = QStringLiteral("pgadmin-%1").arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        raw.setHostName(url.host());
        raw.setPort(url.port(5432));
        raw.setUserName(url.userName());
        raw.setPassword(url.password());
        raw.setDatabaseName(url.path().mid(1));
        ok = raw.open() && QSqlQuery(raw).exec(sql);
        if (!ok)
            qWarning() << "PostgreSQL refused" << sql << raw.lastError().text();
        raw.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace cb::test
