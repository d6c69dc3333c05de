#include "namedirectory.h"

#include "common/clock.h"
#include "domain/integration.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace cb {

namespace {

DirectoryKind kindFrom(const QString &s)
{
    if (s == QLatin1String("group"))
        return DirectoryKind::Group;
    if (s == QLatin1String("company"))
        return DirectoryKind::Company;
    return DirectoryKind::Agent;
}

const QString kSelect = QStringLiteral("SELECT d.kind, d.external_id, d.name, d.email FROM helpdesk_directory d ");

void readInto(QSqlQuery &q, DirectoryNames &names, int offset = 0)
{
    DirectoryEntry e;
    e.id = q.value(offset + 1).toLongLong();
    e.name = q.value(offset + 2).toString();
    e.email = q.value(offset + 3).toString();
    names.insert(kindFrom(q.value(offset).toString()), e);
}

} // namespace

NameDirectory::NameDirectory(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

QString NameDirectory::kindName(DirectoryKind kind)
{
    switch (kind) {
    case DirectoryKind::Agent:
        return QStringLiteral("agent");
    case DirectoryKind::Group:
        return QStringLiteral("group");
    case DirectoryKind::Company:
        return QStringLiteral("company");
    }
    return {};
}

Status NameDirectory::replace(const QString &provider, const QString &account, DirectoryKind kind,
                              const QList<DirectoryEntry> &entries)
{
    WriteTransaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    const QString kindText = kindName(kind);
    auto gone =
        m_db.exec(QStringLiteral("DELETE FROM helpdesk_directory WHERE provider = ? AND account = ? AND kind = ?"),
                  {provider, account, kindText});
    if (!gone)
        return gone.error();
    const QString now = toStoreTime(m_clock.nowUtc());
    for (const DirectoryEntry &e : entries) {
        auto q = m_db.exec(QStringLiteral("INSERT INTO helpdesk_directory (provider, account, kind, external_id, "
                                          "name, email, refreshed_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                          "ON CONFLICT (provider, account, kind, external_id) DO NOTHING"),
                           {provider, account, kindText, e.id, e.name,
                            e.email.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(e.email), now});
        if (!q)
            return q.error();
    }
    return tx.commit();
}

Result<DirectoryNames> NameDirectory::forAccount(const QString &provider, const QString &account)
{
    auto q = m_db.exec(kSelect + QStringLiteral("WHERE d.provider = ? AND d.account = ?"), {provider, account});
    if (!q)
        return q.error();
    DirectoryNames names;
    while (q->next())
        readInto(*q, names);
    return names;
}

Result<DirectoryNames> NameDirectory::forIntegration(const QString &integrationId)
{
    auto q = m_db.exec(kSelect + QStringLiteral("JOIN integrations i ON i.provider = d.provider AND "
                                                "i.domain = d.account WHERE i.id = ?"),
                       {integrationId});
    if (!q)
        return q.error();
    DirectoryNames names;
    while (q->next())
        readInto(*q, names);
    return names;
}

Result<QHash<QString, DirectoryNames>> NameDirectory::byIntegration()
{
    auto q = m_db.exec(QStringLiteral("SELECT i.id, d.kind, d.external_id, d.name, d.email FROM "
                                      "helpdesk_directory d JOIN integrations i ON i.provider = d.provider AND "
                                      "i.domain = d.account"));
    if (!q)
        return q.error();
    QHash<QString, DirectoryNames> out;
    while (q->next())
        readInto(*q, out[q->value(0).toString()], 1);
    return out;
}

QString NameDirectory::knownAuthor(const Integration &integration, qint64 caseId, qint64 userId, bool incoming)
{
    auto agent = m_db.scalar(QStringLiteral("SELECT name FROM helpdesk_directory WHERE provider = ? AND account = ? "
                                            "AND kind = 'agent' AND external_id = ?"),
                             {integration.provider, integration.domain, userId});
    if (agent && !agent->toString().isEmpty())
        return agent->toString();
    if (incoming) {
        auto requester = m_db.scalar(
            QStringLiteral("SELECT c.name FROM customers c JOIN cases k ON k.customer_id = c.id WHERE k.id = ?"),
            {caseId});
        if (requester && !requester->toString().isEmpty())
            return requester->toString();
    }
    return {};
}

QString NameDirectory::conversationAuthor(const Integration &integration, qint64 caseId, std::optional<qint64> userId,
                                          bool incoming)
{
    if (!userId)
        return {};
    const QString known = knownAuthor(integration, caseId, *userId, incoming);
    return known.isEmpty() ? unknownUser(*userId) : known;
}

QString NameDirectory::unknownUser(qint64 userId)
{
    return QCoreApplication::translate("cb::DirectoryNames", "user %1 (unknown)").arg(userId);
}

} // namespace cb
