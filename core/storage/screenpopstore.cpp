#include "screenpopstore.h"

#include "common/clock.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace cb {

ScreenPopStore::ScreenPopStore(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

Result<bool> ScreenPopStore::record(const QString &integrationId, const QString &callId, const QJsonObject &match)
{
    WriteTransaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    auto q = m_db.exec(QStringLiteral("INSERT INTO screen_pops (integration_id, call_id, match, at) VALUES "
                                      "(?, ?, ?, ?) ON CONFLICT (integration_id, call_id) DO NOTHING RETURNING id"),
                       {integrationId, callId, sql::fromJson(match), toStoreTime(m_clock.nowUtc())});
    if (!q)
        return q.error();
    const bool first = q->next();
    q->finish();
    // Calls of the last day are enough to tell a repeated event from a new call.
    auto pruned =
        m_db.exec(QStringLiteral("DELETE FROM screen_pops WHERE at < ?"), {toStoreTime(m_clock.nowUtc().addDays(-1))});
    if (!pruned)
        return pruned.error();
    if (auto st = tx.commit(); !st)
        return st.error();
    return first;
}

Result<QList<ScreenPop>> ScreenPopStore::after(qint64 lastId, int limit)
{
    auto q = m_db.exec(QStringLiteral("SELECT id, integration_id, call_id, match, at FROM screen_pops WHERE id > ? "
                                      "ORDER BY id LIMIT ?"),
                       {lastId, limit});
    if (!q)
        return q.error();
    QList<ScreenPop> out;
    while (q->next()) {
        ScreenPop p;
        p.id = q->value(0).toLongLong();
        p.integrationId = q->value(1).toString();
        p.callId = q->value(2).toString();
        p.match = sql::toJson(q->value(3));
        p.at = sql::toTime(q->value(4));
        out << p;
    }
    return out;
}

Result<qint64> ScreenPopStore::lastId()
{
    auto v = m_db.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM screen_pops"));
    if (!v)
        return v.error();
    return v->toLongLong();
}

} // namespace cb
