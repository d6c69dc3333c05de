#include "integrationstore.h"

#include "common/clock.h"
#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QUuid>

#include <atomic>

namespace cb {

namespace {
const QString kColumns = QStringLiteral(
    "id, workspace_id, provider, domain, agent_id, agent_name, agent_email, settings, webhook_secret_hash, "
    "previous_secret_hash, previous_secret_expires_at, state, watermark, created_at");

Integration fromRow(const QSqlQuery &q)
{
    Integration i;
    i.id = q.value(0).toString();
    i.workspaceId = q.value(1).toLongLong();
    i.provider = q.value(2).toString();
    i.domain = q.value(3).toString();
    i.agentId = sql::toOptionalInt(q.value(4));
    i.agentName = q.value(5).toString();
    i.agentEmail = q.value(6).toString();
    i.settings = sql::toJson(q.value(7));
    i.webhookSecretHash = QByteArray::fromHex(q.value(8).toString().toLatin1());
    i.previousSecretHash = QByteArray::fromHex(q.value(9).toString().toLatin1());
    i.previousSecretExpiresAt = sql::toTime(q.value(10));
    i.state = q.value(11).toString();
    i.watermark = sql::toTime(q.value(12));
    i.createdAt = sql::toTime(q.value(13));
    return i;
}

QVariant hex(const QByteArray &b)
{
    return b.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(QString::fromLatin1(b.toHex()));
}
} // namespace

IntegrationStore::IntegrationStore(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

QString IntegrationStore::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

namespace {
std::atomic<quint64> g_generation{0};
} // namespace

quint64 IntegrationStore::generation()
{
    return g_generation.load(std::memory_order_acquire);
}

Status IntegrationStore::insert(const Integration &i)
{
    g_generation.fetch_add(1, std::memory_order_acq_rel);
    const QString now = toStoreTime(m_clock.nowUtc());
    auto q = m_db.exec(QStringLiteral("INSERT INTO integrations (id, workspace_id, provider, domain, agent_id, "
                                      "agent_name, agent_email, settings, webhook_secret_hash, previous_secret_hash, "
                                      "previous_secret_expires_at, state, watermark, created_at, updated_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {i.id, i.workspaceId, i.provider, i.domain, sql::fromOptional(i.agentId),
                        sql::fromText(i.agentName), sql::fromText(i.agentEmail), sql::fromJson(i.settings),
                        hex(i.webhookSecretHash), hex(i.previousSecretHash), sql::fromTime(i.previousSecretExpiresAt),
                        i.state, sql::fromTime(i.watermark), now, now});
    return q ? Status(Ok{}) : Status(q.error());
}

Status IntegrationStore::update(const Integration &i)
{
    g_generation.fetch_add(1, std::memory_order_acq_rel);
    auto q =
        m_db.exec(QStringLiteral("UPDATE integrations SET domain = ?, agent_id = ?, agent_name = ?, "
                                 "agent_email = ?, settings = ?, webhook_secret_hash = ?, previous_secret_hash = ?, "
                                 "previous_secret_expires_at = ?, state = ?, watermark = ?, updated_at = ? "
                                 "WHERE id = ?"),
                  {i.domain, sql::fromOptional(i.agentId), sql::fromText(i.agentName), sql::fromText(i.agentEmail),
                   sql::fromJson(i.settings), hex(i.webhookSecretHash), hex(i.previousSecretHash),
                   sql::fromTime(i.previousSecretExpiresAt), i.state, sql::fromTime(i.watermark),
                   toStoreTime(m_clock.nowUtc()), i.id});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::make(Error::Kind::NotFound,
                           QCoreApplication::translate("cb::CoreMessages", "There is no integration %1.").arg(i.id));
    return Ok{};
}

Result<Integration> IntegrationStore::get(const QString &id)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM integrations WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::make(
            Error::Kind::NotFound,
            QCoreApplication::translate("cb::CoreMessages",
                                        "There is no integration %1; list them with `casebridge-sync integrations`.")
                .arg(id));
    return fromRow(*q);
}

Result<QList<Integration>> IntegrationStore::list()
{
    auto q =
        m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM integrations ORDER BY created_at, id"));
    if (!q)
        return q.error();
    QList<Integration> out;
    while (q->next())
        out << fromRow(*q);
    return out;
}

Status IntegrationStore::setWatermark(const QString &id, const QDateTime &watermark)
{
    auto q = m_db.exec(QStringLiteral("UPDATE integrations SET watermark = ?, updated_at = ? WHERE id = ?"),
                       {sql::fromTime(watermark), toStoreTime(m_clock.nowUtc()), id});
    return q ? Status(Ok{}) : Status(q.error());
}

Status IntegrationStore::setState(const QString &id, const QString &state)
{
    g_generation.fetch_add(1, std::memory_order_acq_rel);
    auto q = m_db.exec(QStringLiteral("UPDATE integrations SET state = ?, updated_at = ? WHERE id = ?"),
                       {state, toStoreTime(m_clock.nowUtc()), id});
    return q ? Status(Ok{}) : Status(q.error());
}

} // namespace cb
