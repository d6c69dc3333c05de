#include "casefiller.h"

#include "common/clock.h"
#include "storage/database.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace cb::test {

bool fillCases(Database &db, int cases)
{
    QSqlDatabase h = db.handle();
    const bool pg = db.isPostgres();
    if (!QSqlQuery(h).exec(pg ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    const QString now = toStoreTime(QDateTime::currentDateTimeUtc());
    for (const char *id : {"int-a", "int-b"}) {
        QSqlQuery i(h);
        i.prepare(QStringLiteral("INSERT INTO integrations (id, workspace_id, provider, domain, state, settings, "
                                 "created_at, updated_at) VALUES (?, 1, 'freshdesk', ?, 'active', '{}', ?, ?)"));
        i.addBindValue(QString::fromLatin1(id));
        i.addBindValue(QString(QString::fromLatin1(id) + QStringLiteral(".freshdesk.com")));
        i.addBindValue(now);
        i.addBindValue(now);
        if (!i.exec())
            return false;
    }
    QSqlQuery customer(h);
    customer.prepare(QStringLiteral("INSERT INTO customers (workspace_id, name, email, created_at, updated_at) "
                                    "VALUES (1, ?, ?, ?, ?)"));
    for (int c = 1; c <= 500; ++c) {
        customer.addBindValue(QStringLiteral("Customer %1").arg(c));
        customer.addBindValue(QStringLiteral("c%1@example.com").arg(c));
        customer.addBindValue(now);
        customer.addBindValue(now);
        if (!customer.exec())
            return false;
    }
    const QStringList statuses = {QStringLiteral("open"), QStringLiteral("pending"), QStringLiteral("resolved"),
                                  QStringLiteral("closed")};
    const QStringList priorities = {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                                    QStringLiteral("urgent")};
    const QStringList channels = {QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("portal")};
    QSqlQuery q(h);
    q.prepare(QStringLiteral("INSERT INTO cases (workspace_id, integration_id, subject, status, priority, assignee_id, "
                             "customer_id, external_provider, external_account, external_ticket_id, remote_state, "
                             "created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, 'freshdesk', ?, ?, ?, ?, ?)"));
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-100);
    for (int n = 1; n <= cases; ++n) {
        const bool a = n % 3 != 0;
        q.addBindValue(a ? QStringLiteral("int-a") : QStringLiteral("int-b"));
        q.addBindValue(QStringLiteral("Printer %1 does not print page %2").arg(n * 7919 % cases).arg(n));
        q.addBindValue(statuses.at(n * 13 % statuses.size()));
        q.addBindValue(priorities.at(n * 7 % priorities.size()));
        q.addBindValue(n % 5 == 0 ? QVariant() : QVariant(qint64(n % 40)));
        q.addBindValue(qint64(n % 500 + 1));
        q.addBindValue(a ? QStringLiteral("int-a.freshdesk.com") : QStringLiteral("int-b.freshdesk.com"));
        q.addBindValue(qint64(n));
        q.addBindValue(QStringLiteral(R"({"channel":"%1"})").arg(channels.at(n % channels.size())));
        const QString at = toStoreTime(start.addSecs(qint64(n) * 61 % (100 * 86400)));
        q.addBindValue(at);
        q.addBindValue(at);
        if (!q.exec())
            return false;
    }
    return QSqlQuery(h).exec(QStringLiteral("COMMIT"));
}

} // namespace cb::test
