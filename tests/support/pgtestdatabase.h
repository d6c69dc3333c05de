#pragma once

#include <QString>
#include <QUrl>

namespace cb::test {

// A fresh PostgreSQL database on the server of CB_TEST_PG_URL (started by scripts/test-services.sh), dropped (with
// FORCE) when this goes away. available() is false when CB_TEST_PG_URL is unset: the caller QSKIPs with skipReason().
class PgTestDatabase
{
public:
    PgTestDatabase();
    ~PgTestDatabase();
    Q_DISABLE_COPY_MOVE(PgTestDatabase)

    bool available() const { return !m_admin.isEmpty(); }
    bool create(); // false (with a warning) when the server refused
    QString url() const;
    static const char *skipReason();

private:
    static bool adminExec(const QUrl &url, const QString &sql);

    QUrl m_admin;
    QString m_name;
    bool m_created = false;
};

} // namespace cb::test
