#pragma once

#include "common/result.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

namespace cb {

// Where the store lives: a SQLite file (the embedded default) or a PostgreSQL URL (team mode).
class DatabaseLocation
{
public:
    enum class Kind
    {
        Sqlite,
        Postgres
    };

    // Accepts a file path or postgresql://user[:password]@host[:port]/db[?connect_timeout=…].
    static Result<DatabaseLocation> parse(const QString &text);
    // The per-user default: <AppDataLocation>/casebridge.sqlite (QStandardPaths).
    static DatabaseLocation defaultLocation();

    Kind kind() const { return m_kind; }
    QString sqlitePath() const { return m_path; }
    QUrl postgresUrl() const { return m_url; }
    // For messages and logs: the path, or the URL without its password.
    QString displayName() const;

private:
    Kind m_kind = Kind::Sqlite;
    QString m_path;
    QUrl m_url;
};

} // namespace cb

Q_DECLARE_METATYPE(cb::DatabaseLocation)
