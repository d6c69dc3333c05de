#include "synclogmodel.h"

#include "datetimetext.h"
#include "storage/database.h"
#include "storage/synclog.h"

#include <QColor>
#include <QHash>
#include <QLocale>

namespace cb::ui {

SyncLogModel::SyncLogModel(Database *readOnly, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(readOnly)
{}

QList<SyncLogEntry> SyncLogModel::page(Database *db, const SyncLogFilter &filter, Range range, int limit,
                                       QString *error)
{
    QList<SyncLogEntry> out;
    if (!db)
        return out;
    QVariantList args;
    QString sql = QStringLiteral("SELECT ") + SyncLog::columns() + QStringLiteral(" FROM ticket_sync_log WHERE 1 = 1");
    if (range.beforeId > 0) {
        sql += QStringLiteral(" AND id < ?");
        args << range.beforeId;
    }
    if (range.upTo >= 0) {
        sql += QStringLiteral(" AND id <= ?");
        args << range.upTo;
    }
    if (range.afterId > 0) {
        sql += QStringLiteral(" AND id > ?");
        args << range.afterId;
    }
    sql += filter.sqlConditions(args);
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    args << limit;
    auto q = db->exec(sql, args);
    if (!q) {
        if (error)
            *error = q.error().message;
        return out;
    }
    while (q->next())
        out << SyncLog::fromRow(*q);
    return out;
}

qint64 SyncLogModel::maxId()
{
    auto v = m_db ? m_db->scalar(QStringLiteral("SELECT MAX(id) FROM ticket_sync_log")) : Result<QVariant>(QVariant());
    return v && v->isValid() && !v->isNull() ? v->toLongLong() : 0;
}

int SyncLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SyncLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SyncLogEntry &e = m_rows.at(index.row());
    if (role == EntryIdRole)
        return e.id;
    if (role == Qt::ForegroundRole && index.column() == ResultColumn &&
        (e.result == QLatin1String("failed") || e.result == QLatin1String("dead")))
        return QColor(0xb0, 0x00, 0x20);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return DateTimeText::of(e.at);
    case DirectionColumn:
        return directionLabel(e.direction);
    case EventColumn:
        return e.event;
    case TicketColumn:
        return e.ticketId ? QVariant(QStringLiteral("#%1").arg(*e.ticketId)) : QVariant();
    case CaseColumn:
        return e.caseId ? QVariant(*e.caseId) : QVariant();
    case ResultColumn:
        return resultLabel(e.result);
    case LatencyColumn:
        return e.latencyMs ? QVariant(tr("%1 ms").arg(*e.latencyMs)) : QVariant();
    case ErrorColumn:
        return e.error;
    default:
        return {};
    }
}

namespace {
QString labelOf(const QHash<QString, const char *> &names, const QString &value)
{
    const auto it = names.constFind(value);
    return it == names.cend() ? value : SyncLogModel::tr(*it);
}
} // namespace

QString SyncLogModel::directionLabel(const QString &direction)
{
    static const QHash<QString, const char *> names = {{QStringLiteral("inbound"), QT_TR_NOOP("inbound")},
                                                       {QStringLiteral("outbound"), QT_TR_NOOP("outbound")},
                                                       {QStringLiteral("import"), QT_TR_NOOP("import")},
                                                       {QStringLiteral("reconcile"), QT_TR_NOOP("reconcile")},
                                                       {QStringLiteral("local"), QT_TR_NOOP("local")}};
    return labelOf(names, direction);
}

QString SyncLogModel::resultLabel(const QString &result)
{
    static const QHash<QString, const char *> names = {{QStringLiteral("applied"), QT_TR_NOOP("applied")},
                                                       {QStringLiteral("unchanged"), QT_TR_NOOP("unchanged")},
                                                       {QStringLiteral("echo_dropped"), QT_TR_NOOP("own echo")},
                                                       {QStringLiteral("conflict"), QT_TR_NOOP("conflict")},
                                                       {QStringLiteral("failed"), QT_TR_NOOP("failed")},
                                                       {QStringLiteral("dead"), QT_TR_NOOP("given up")},
                                                       {QStringLiteral("created"), QT_TR_NOOP("created")},
                                                       {QStringLiteral("linked"), QT_TR_NOOP("linked")},
                                                       {QStringLiteral("pending"), QT_TR_NOOP("pending")},
                                                       {QStringLiteral("sent"), QT_TR_NOOP("sent")}};
    return labelOf(names, result);
}

QString SyncLogModel::sourceLabel(const QString &source)
{
    static const QHash<QString, const char *> names = {{QStringLiteral("user"), QT_TR_NOOP("user")},
                                                       {QStringLiteral("import"), QT_TR_NOOP("import")},
                                                       {QStringLiteral("webhook"), QT_TR_NOOP("webhook")},
                                                       {QStringLiteral("reconciler"), QT_TR_NOOP("reconciler")}};
    return labelOf(names, source);
}

QVariant SyncLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case DirectionColumn:
        return tr("Direction");
    case EventColumn:
        return tr("Event");
    case TicketColumn:
        return tr("Ticket");
    case CaseColumn:
        return tr("Case");
    case ResultColumn:
        return tr("Result");
    case LatencyColumn:
        return tr("Latency");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

bool SyncLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_fetching && m_db;
}

void SyncLogModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_fetching || !m_db)
        return;
    m_fetching = true;
    if (m_newestSeen < 0)
        m_newestSeen = maxId();
    const qint64 before = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    const QList<SyncLogEntry> more = page(m_db, m_filter, {before, m_newestSeen, 0}, m_pageSize, &m_lastError);
    if (more.size() < m_pageSize)
        m_atEnd = true;
    if (!more.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more.size()) - 1);
        m_rows += more;
        endInsertRows();
    }
    m_fetching = false;
}

void SyncLogModel::appendNewer()
{
    if (!m_db || m_fetching)
        return;
    if (m_newestSeen < 0) {
        fetchMore({}); // nothing loaded yet: the first page covers it
        return;
    }
    m_fetching = true;
    const qint64 newest = maxId();
    QList<SyncLogEntry> fresh;
    // Newest first, one bounded page at a time, all above what was seen.
    qint64 before = 0;
    for (;;) {
        const QList<SyncLogEntry> part = page(m_db, m_filter, {before, newest, m_newestSeen}, 1000, &m_lastError);
        fresh += part;
        if (part.size() < 1000)
            break;
        before = part.constLast().id;
    }
    m_newestSeen = std::max(m_newestSeen, newest);
    if (!fresh.isEmpty()) {
        beginInsertRows({}, 0, int(fresh.size()) - 1);
        m_rows = fresh + m_rows;
        endInsertRows();
    }
    m_fetching = false;
}

void SyncLogModel::setFilter(const SyncLogFilter &filter)
{
    m_filter = filter;
    reload();
}

void SyncLogModel::reload()
{
    if (m_fetching)
        return;
    // The first page loads inside the reset; nothing may fetch while the reset is being announced.
    m_fetching = true;
    beginResetModel();
    m_newestSeen = m_db ? maxId() : -1;
    m_rows = page(m_db, m_filter, {0, m_newestSeen, 0}, m_pageSize, &m_lastError);
    m_atEnd = m_rows.size() < m_pageSize;
    endResetModel();
    m_fetching = false;
}

const SyncLogEntry *SyncLogModel::entryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

} // namespace cb::ui
