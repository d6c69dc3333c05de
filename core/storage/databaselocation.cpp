#include "databaselocation.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace cb {

Result<DatabaseLocation> DatabaseLocation::parse(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return Error::make(Error::Kind::Usage, QStringLiteral("--database needs a file path or a postgresql:// URL."));
    DatabaseLocation loc;
    if (t.startsWith(QLatin1String("postgresql://")) || t.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(t, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2) {
            return Error::make(Error::Kind::Usage, QStringLiteral("The PostgreSQL URL is not valid; write it as "
                                                                  "postgresql://user@host:port/database."));
        }
        loc.m_kind = Kind::Postgres;
        loc.m_url = url;
        return loc;
    }
    QString path = t;
    if (path.startsWith(QLatin1String("sqlite://")))
        path = path.mid(9);
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    loc.m_kind = Kind::Sqlite;
    loc.m_path = QFileInfo(path).absoluteFilePath();
    return loc;
}

DatabaseLocation DatabaseLocation::defaultLocation()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    DatabaseLocation loc;
    loc.m_kind = Kind::Sqlite;
    loc.m_path = dir + QStringLiteral("/casebridge/casebridge.sqlite");
    return loc;
}

QString DatabaseLocation::displayName() const
{
    if (m_kind == Kind::Sqlite)
        return m_path;
    QUrl safe = m_url;
    safe.setPassword({});
    return safe.toString();
}

} // namespace cb
