#include "synclogmodel.h"

#include "datetimetext.h"
#include "storage/synclogquery.h"

#include <QColor>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace cb::ui {

SyncLogModel::SyncLogModel(Database *readOnly, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(readOnly)
{}

qint64 SyncLogModel::lastId()
{
    if (!m_db)
        return 0;
    auto id = SyncLogQuery(*m_db).lastId();
    if (!id)
        m_lastError = id.error().message;
    return id ? *id : 0;
}

void SyncLogModel::hold(const QModelIndexList &rows)
{
    m_held.clear();
    for (const QModelIndex &index : rows)
        if (index.isValid() && index.model() == this)
            m_held << QPersistentModelIndex(index);
}

std::pair<int, int> SyncLogModel::heldRows() const
{
    int first = -1;
    int last = -1;
    for (const QPersistentModelIndex &index : m_held) {
        if (!index.isValid())
            continue;
        first = first < 0 ? index.row() : std::min(first, index.row());
        last = std::max(last, index.row());
    }
    return {first, last};
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
        (e.result == SyncResult::Failed || e.result == SyncResult::Dead))
        return QColor(0xb0, 0x00, 0x20);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return DateTimeText::of(e.at);
    case DirectionColumn:
        return directionLabel(e.direction);
    case EventColumn:
        return role == Qt::ToolTipRole ? QVariant(e.event) : QVariant(eventLabel(e.event));
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

QString SyncLogModel::directionLabel(SyncDirection direction)
{
    switch (direction) {
    case SyncDirection::Inbound:
        return tr("inbound");
    case SyncDirection::Outbound:
        return tr("outbound");
    case SyncDirection::Import:
        return tr("import");
    case SyncDirection::Reconcile:
        return tr("reconcile");
    case SyncDirection::Local:
        return tr("local");
    }
    return toString(direction);
}

QString SyncLogModel::eventLabel(const QString &event)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("case.created"), QT_TR_NOOP("case created")},
        {QStringLiteral("case.updated"), QT_TR_NOOP("case changed")},
        {QStringLiteral("comments.added"), QT_TR_NOOP("conversation copied")},
        {QStringLiteral("note.create"), QT_TR_NOOP("note sent")},
        {QStringLiteral("reply.create"), QT_TR_NOOP("reply sent")},
        {QStringLiteral("ticket.update"), QT_TR_NOOP("ticket changed")},
        {QStringLiteral("ticket.handoff"), QT_TR_NOOP("handed off to the helpdesk")},
        {QStringLiteral("ticket.imported"), QT_TR_NOOP("ticket imported")},
        {QStringLiteral("ticket.fetched"), QT_TR_NOOP("ticket fetched")},
        {QStringLiteral("ticket.event"), QT_TR_NOOP("helpdesk event")},
        {QStringLiteral("ticket.created"), QT_TR_NOOP("ticket created")},
        {QStringLiteral("ticket.updated"), QT_TR_NOOP("ticket updated")},
        {QStringLiteral("ticket.status_changed"), QT_TR_NOOP("status changed")},
        {QStringLiteral("ticket.priority_changed"), QT_TR_NOOP("priority changed")},
        {QStringLiteral("ticket.note_added"), QT_TR_NOOP("note added")},
        {QStringLiteral("ticket.reply_sent"), QT_TR_NOOP("agent replied")},
        {QStringLiteral("ticket.customer_reply"), QT_TR_NOOP("customer replied")},
        {QStringLiteral("ticket.unknown"), QT_TR_NOOP("helpdesk event")},
        {QStringLiteral("ticket.reconciled"), QT_TR_NOOP("ticket reconciled")},
        {QStringLiteral("ticket.deleted"), QT_TR_NOOP("ticket deleted")},
        {QStringLiteral("ticket.spam"), QT_TR_NOOP("ticket marked as spam")}};
    return labelOf(names, event);
}

QString SyncLogModel::fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> names = {{QStringLiteral("status"), QT_TR_NOOP("Status")},
                                                       {QStringLiteral("priority"), QT_TR_NOOP("Priority")},
                                                       {QStringLiteral("assignee_id"), QT_TR_NOOP("Assignee")},
                                                       {QStringLiteral("responder_id"), QT_TR_NOOP("Assignee")},
                                                       {QStringLiteral("group_id"), QT_TR_NOOP("Group")},
                                                       {QStringLiteral("subject"), QT_TR_NOOP("Subject")},
                                                       {QStringLiteral("description"), QT_TR_NOOP("Description")},
                                                       {QStringLiteral("comment"), QT_TR_NOOP("Comment")},
                                                       {QStringLiteral("comments"), QT_TR_NOOP("Conversation")},
                                                       {QStringLiteral("customer_id"), QT_TR_NOOP("Requester")},
                                                       {QStringLiteral("deleted"), QT_TR_NOOP("Deleted")},
                                                       {QStringLiteral("spam"), QT_TR_NOOP("Spam")}};
    return labelOf(names, field);
}

QString SyncLogModel::resultLabel(SyncResult result)
{
    switch (result) {
    case SyncResult::Applied:
        return tr("applied");
    case SyncResult::Unchanged:
        return tr("unchanged");
    case SyncResult::EchoDropped:
        return tr("own echo");
    case SyncResult::Conflict:
        return tr("conflict");
    case SyncResult::Failed:
        return tr("failed");
    case SyncResult::Dead:
        return tr("given up");
    case SyncResult::Created:
        return tr("created");
    case SyncResult::Linked:
        return tr("linked");
    case SyncResult::Ignored:
        return tr("ignored");
    }
    return toString(result);
}

QString SyncLogModel::sourceLabel(std::optional<ChangeSource> source)
{
    if (!source)
        return {};
    switch (*source) {
    case ChangeSource::User:
        return tr("user");
    case ChangeSource::Import:
        return tr("import");
    case ChangeSource::Webhook:
        return tr("webhook");
    case ChangeSource::Reconciler:
        return tr("reconciler");
    }
    return toString(*source);
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

int SyncLogModel::fetchLimit() const
{
    // Rows above the first held one may go to make room; the window never holds more than m_maxRows.
    const int first = heldRows().first;
    const int droppable = first < 0 ? int(m_rows.size()) : first;
    return std::min(m_pageSize, m_maxRows - int(m_rows.size()) + droppable);
}

bool SyncLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_fetching && m_db && fetchLimit() > 0;
}

void SyncLogModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_fetching || !m_db)
        return;
    const int limit = fetchLimit();
    if (limit <= 0)
        return;
    m_fetching = true;
    if (m_newestSeen < 0)
        m_newestSeen = lastId();
    const qint64 before = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    auto more = SyncLogQuery(*m_db).page(m_filter, {before, m_newestSeen, 0}, limit);
    if (!more) {
        m_lastError = more.error().message;
        m_fetching = false;
        return;
    }
    if (more->size() < limit)
        m_atEnd = true;
    if (!more->isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + more->size()) - 1);
        m_rows += *more;
        endInsertRows();
    }
    dropTop(int(m_rows.size()) - m_maxRows);
    m_fetching = false;
}

void SyncLogModel::insertOnTop(const QList<SyncLogEntry> &rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows({}, 0, int(rows.size()) - 1);
    m_rows = rows + m_rows;
    endInsertRows();
}

void SyncLogModel::dropTop(int count)
{
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, count - 1);
    m_rows.remove(0, count);
    endRemoveRows();
    // What is above the new top is no longer shown: appendNewer brings it back.
    m_newestSeen = m_rows.isEmpty() ? m_newestSeen : m_rows.constFirst().id;
}

void SyncLogModel::dropBelow(int rows)
{
    if (m_rows.size() <= rows)
        return;
    beginRemoveRows({}, rows, int(m_rows.size()) - 1);
    m_rows.resize(rows);
    endRemoveRows();
    m_atEnd = false;
}

bool SyncLogModel::hasNewer() const
{
    if (!m_db || m_newestSeen < 0)
        return false;
    auto n = SyncLogQuery(*m_db).count(m_filter, {0, -1, m_newestSeen});
    return n && *n > 0;
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
    const qint64 newest = lastId();
    const SyncLogQuery query(*m_db);
    const int lastHeld = heldRows().second;
    if (newest > m_newestSeen && lastHeld < 0) {
        // Nothing held: the newest rows on top, as many of the older ones below as fit.
        auto fresh = query.page(m_filter, {0, newest, m_newestSeen}, m_maxRows + 1);
        if (!fresh) {
            m_lastError = fresh.error().message;
        } else {
            if (fresh->size() > m_maxRows) { // more than fit: the rows shown are not next to them any more
                fresh->removeLast();
                dropBelow(0);
            }
            insertOnTop(*fresh);
            dropBelow(m_maxRows);
            m_newestSeen = newest;
        }
    } else if (newest > m_newestSeen) {
        // Rows are held: only as many as leave them in the window, those next to the top first.
        const int room = m_maxRows - (lastHeld + 1);
        auto fresh = room > 0 ? query.page(m_filter, {0, newest, m_newestSeen}, room, SyncLogQuery::Order::OldestFirst)
                              : Result<QList<SyncLogEntry>>(QList<SyncLogEntry>());
        if (!fresh) {
            m_lastError = fresh.error().message;
        } else if (room > 0) {
            std::reverse(fresh->begin(), fresh->end());
            insertOnTop(*fresh);
            dropBelow(m_maxRows);
            m_newestSeen = fresh->size() < room ? newest : fresh->constFirst().id;
        }
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
    m_lastError.clear();
    beginResetModel();
    m_held.clear();
    m_newestSeen = m_db ? lastId() : -1;
    m_rows.clear();
    if (m_db) {
        auto first = SyncLogQuery(*m_db).page(m_filter, {0, m_newestSeen, 0}, m_pageSize);
        if (first)
            m_rows = *first;
        else
            m_lastError = first.error().message;
    }
    m_atEnd = m_rows.size() < m_pageSize;
    endResetModel();
    m_fetching = false;
}

const SyncLogEntry *SyncLogModel::entryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

} // namespace cb::ui
