#include "casesmodel.h"

#include "datetimetext.h"
#include "domain/directorynames.h"
#include "storage/caselistquery.h"

#include <QColor>
#include <QHash>
#include <QLocale>
#include <QSet>

namespace cb::ui {

CasesModel::CasesModel(Database *readOnly, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(readOnly)
{}

QList<CaseListRow> CasesModel::load(int offset, int limit)
{
    if (!m_db)
        return {};
    auto page = CaseListQuery(*m_db).rows(m_view, offset, limit);
    if (!page) {
        m_lastError = page.error().message;
        return {};
    }
    return *page;
}

bool CasesModel::sameRow(const CaseListRow &x, const CaseListRow &y)
{
    const Case &a = x.c;
    const Case &b = y.c;
    return a.id == b.id && a.subject == b.subject && a.status == b.status && a.priority == b.priority &&
           a.assigneeId == b.assigneeId && a.externalTicketId == b.externalTicketId && a.updatedAt == b.updatedAt &&
           a.integrationId == b.integrationId && a.remoteState == b.remoteState && x.assigneeName == y.assigneeName &&
           x.requesterName == y.requesterName && x.requesterEmail == y.requesterEmail;
}

CaseListQuery::SortKey CasesModel::sortKeyOf(int column)
{
    using Key = CaseListQuery::SortKey;
    switch (column) {
    case SubjectColumn:
        return Key::Subject;
    case StatusColumn:
        return Key::Status;
    case PriorityColumn:
        return Key::Priority;
    case AssigneeColumn:
        return Key::Assignee;
    case TicketColumn:
        return Key::Ticket;
    case UpdatedColumn:
        return Key::Updated;
    case ChannelColumn:
        return Key::Channel;
    case RequesterColumn:
        return Key::Requester;
    default:
        return Key::Id;
    }
}

void CasesModel::sort(int column, Qt::SortOrder order)
{
    CaseListQuery::View next = m_view;
    next.sort = sortKeyOf(column);
    next.descending = order == Qt::DescendingOrder;
    setView(next);
}

void CasesModel::setView(const CaseListQuery::View &view)
{
    if (view == m_view)
        return;
    beginResetModel();
    m_view = view;
    m_cases.clear();
    m_atEnd = false;
    endResetModel();
    fetchMore({});
}

int CasesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cases.size());
}

int CasesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CasesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseListRow &row = m_cases.at(index.row());
    const Case &c = row.c;
    const bool deleted = c.remoteState.value(QStringLiteral("deleted")).toBool();
    const bool spam = c.remoteState.value(QStringLiteral("spam")).toBool();
    if (role == CaseIdRole)
        return c.id;
    if (role == Qt::ForegroundRole && (deleted || spam))
        return QColor(Qt::gray); // gone from the helpdesk's lists: still here, read as such
    if (role == Qt::ToolTipRole && index.column() == RequesterColumn && !row.requesterEmail.isEmpty())
        return row.requesterName.isEmpty() ? row.requesterEmail
                                           : QStringLiteral("%1 <%2>").arg(row.requesterName, row.requesterEmail);
    if (role == Qt::ToolTipRole && index.column() == StatusColumn && (deleted || spam))
        return deleted ? tr("Deleted in the helpdesk") : tr("Marked as spam in the helpdesk");
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return c.id;
    case SubjectColumn:
        return c.subject;
    case StatusColumn:
        if (deleted)
            return tr("%1 (deleted)").arg(statusLabel(c.status));
        if (spam)
            return tr("%1 (spam)").arg(statusLabel(c.status));
        return statusLabel(c.status);
    case PriorityColumn:
        return priorityLabel(c.priority);
    case AssigneeColumn:
        if (!c.assigneeId)
            return tr("unassigned");
        return row.assigneeName.isEmpty() ? DirectoryNames::unknown(DirectoryKind::Agent, *c.assigneeId)
                                          : row.assigneeName;
    case TicketColumn:
        return c.externalTicketId ? QVariant(QStringLiteral("#%1").arg(*c.externalTicketId)) : QVariant();
    case UpdatedColumn:
        return DateTimeText::of(c.updatedAt);
    case ChannelColumn:
        return channelLabel(c.remoteState.value(QStringLiteral("channel")).toString());
    case RequesterColumn:
        return row.requesterName.isEmpty() ? row.requesterEmail : row.requesterName;
    default:
        return {};
    }
}

QString CasesModel::statusLabel(const QString &status)
{
    static const QHash<QString, const char *> names = {{QStringLiteral("open"), QT_TR_NOOP("Open")},
                                                       {QStringLiteral("pending"), QT_TR_NOOP("Pending")},
                                                       {QStringLiteral("resolved"), QT_TR_NOOP("Resolved")},
                                                       {QStringLiteral("closed"), QT_TR_NOOP("Closed")}};
    const auto it = names.constFind(status);
    return it == names.cend() ? status : tr(*it);
}

QString CasesModel::priorityLabel(const QString &priority)
{
    static const QHash<QString, const char *> names = {{QStringLiteral("low"), QT_TR_NOOP("Low")},
                                                       {QStringLiteral("medium"), QT_TR_NOOP("Medium")},
                                                       {QStringLiteral("high"), QT_TR_NOOP("High")},
                                                       {QStringLiteral("urgent"), QT_TR_NOOP("Urgent")}};
    const auto it = names.constFind(priority);
    return it == names.cend() ? priority : tr(*it);
}

QString CasesModel::channelLabel(const QString &channel)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("email"), QT_TR_NOOP("Email")},
        {QStringLiteral("portal"), QT_TR_NOOP("Portal")},
        {QStringLiteral("phone"), QT_TR_NOOP("Phone")},
        {QStringLiteral("chat"), QT_TR_NOOP("Chat")},
        {QStringLiteral("feedback_widget"), QT_TR_NOOP("Feedback widget")},
        {QStringLiteral("outbound_email"), QT_TR_NOOP("Outbound email")},
        {QStringLiteral("forum"), QT_TR_NOOP("Forum")},
        {QStringLiteral("twitter"), QT_TR_NOOP("Twitter")},
        {QStringLiteral("facebook"), QT_TR_NOOP("Facebook")},
        {QStringLiteral("mobihelp"), QT_TR_NOOP("Mobihelp")},
        {QStringLiteral("yammer"), QT_TR_NOOP("Yammer")},
        {QStringLiteral("aws_cloudwatch"), QT_TR_NOOP("AWS CloudWatch")},
        {QStringLiteral("pagerduty"), QT_TR_NOOP("PagerDuty")},
        {QStringLiteral("walkup"), QT_TR_NOOP("Walk-up")},
        {QStringLiteral("slack"), QT_TR_NOOP("Slack")},
    };
    const auto it = names.constFind(channel);
    return it == names.cend() ? channel : tr(*it);
}

QVariant CasesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Case");
    case SubjectColumn:
        return tr("Subject");
    case StatusColumn:
        return tr("Status");
    case PriorityColumn:
        return tr("Priority");
    case AssigneeColumn:
        return tr("Assignee");
    case TicketColumn:
        return tr("Ticket");
    case UpdatedColumn:
        return tr("Updated");
    case ChannelColumn:
        return tr("Channel");
    case RequesterColumn:
        return tr("Requester");
    default:
        return {};
    }
}

bool CasesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_fetching && m_db;
}

void CasesModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_fetching)
        return;
    m_fetching = true;
    const QList<CaseListRow> more = load(int(m_cases.size()), m_pageSize);
    if (more.size() < m_pageSize)
        m_atEnd = true;
    if (!more.isEmpty()) {
        beginInsertRows({}, int(m_cases.size()), int(m_cases.size() + more.size()) - 1);
        m_cases += more;
        endInsertRows();
    }
    m_fetching = false;
}

void CasesModel::refresh()
{
    if (!m_db)
        return;
    // Reread what is loaded (all of it and a page more once everything is loaded, so new cases come in; else as many
    // rows as are loaded, and what a new case pushes past the end comes back with the next fetchMore), then change
    // only what differs: rows keep their identity, so views keep their selection, scroll position and editors.
    const int loaded = int(m_cases.size());
    const int limit = m_atEnd ? loaded + m_pageSize : std::max(loaded, m_pageSize);
    auto fresh = CaseListQuery(*m_db).rows(m_view, 0, limit);
    if (!fresh) {
        m_lastError = fresh.error().message;
        return;
    }
    m_atEnd = fresh->size() < limit;
    merge(*fresh);
    Q_EMIT refreshed();
}

void CasesModel::merge(const QList<CaseListRow> &fresh)
{
    // First the rows that are gone (deleted in the store, or no longer in the view), then one pass in the new order
    // that moves, inserts and updates rows in place.
    QSet<qint64> wanted;
    for (const CaseListRow &r : fresh)
        wanted.insert(r.c.id);
    for (int row = int(m_cases.size()) - 1; row >= 0; --row) {
        if (wanted.contains(m_cases.at(row).c.id))
            continue;
        int first = row;
        while (first > 0 && !wanted.contains(m_cases.at(first - 1).c.id))
            --first;
        beginRemoveRows({}, first, row);
        m_cases.remove(first, row - first + 1);
        endRemoveRows();
        row = first;
    }
    for (int row = 0; row < fresh.size(); ++row) {
        const CaseListRow &incoming = fresh.at(row);
        if (row < m_cases.size() && m_cases.at(row).c.id == incoming.c.id) {
            if (!sameRow(m_cases.at(row), incoming)) {
                m_cases[row] = incoming;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        int from = -1;
        for (int i = row + 1; i < m_cases.size(); ++i) {
            if (m_cases.at(i).c.id == incoming.c.id) {
                from = i;
                break;
            }
        }
        if (from < 0) {
            beginInsertRows({}, row, row);
            m_cases.insert(row, incoming);
            endInsertRows();
            continue;
        }
        beginMoveRows({}, from, from, {}, row); // re-sorted by a change: the row moves, its selection with it
        m_cases.move(from, row);
        endMoveRows();
        if (!sameRow(m_cases.at(row), incoming)) {
            m_cases[row] = incoming;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

const Case *CasesModel::caseAt(int row) const
{
    return row >= 0 && row < m_cases.size() ? &m_cases.at(row).c : nullptr;
}

const CaseListRow *CasesModel::rowAt(int row) const
{
    return row >= 0 && row < m_cases.size() ? &m_cases.at(row) : nullptr;
}

int CasesModel::rowOf(qint64 caseId) const
{
    for (int i = 0; i < m_cases.size(); ++i) {
        if (m_cases.at(i).c.id == caseId)
            return i;
    }
    return -1;
}

} // namespace cb::ui
