#include "casesmodel.h"

#include "datetimetext.h"
#include "storage/caselistquery.h"
#include "storage/database.h"

#include <QHash>
#include <QLocale>

namespace cb::ui {

CasesModel::CasesModel(Database *readOnly, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(readOnly)
{}

QList<Case> CasesModel::load(qint64 beforeId, int limit)
{
    if (!m_db)
        return {};
    auto page = CaseListQuery(*m_db).page({beforeId, limit});
    if (!page) {
        m_lastError = page.error().message;
        return {};
    }
    return *page;
}

bool CasesModel::sameRow(const Case &a, const Case &b)
{
    return a.id == b.id && a.subject == b.subject && a.status == b.status && a.priority == b.priority &&
           a.assigneeId == b.assigneeId && a.externalTicketId == b.externalTicketId && a.updatedAt == b.updatedAt &&
           a.integrationId == b.integrationId && a.remoteState == b.remoteState;
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
    const Case &c = m_cases.at(index.row());
    if (role == CaseIdRole)
        return c.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return c.id;
    case SubjectColumn:
        return c.subject;
    case StatusColumn:
        return statusLabel(c.status);
    case PriorityColumn:
        return priorityLabel(c.priority);
    case AssigneeColumn:
        return c.assigneeId ? QVariant(*c.assigneeId) : QVariant(tr("unassigned"));
    case TicketColumn:
        return c.externalTicketId ? QVariant(QStringLiteral("#%1").arg(*c.externalTicketId)) : QVariant();
    case UpdatedColumn:
        return DateTimeText::of(c.updatedAt);
    case ChannelColumn:
        return channelLabel(c.remoteState.value(QStringLiteral("channel")).toString());
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
    const QList<Case> more = load(m_cases.isEmpty() ? 0 : m_cases.constLast().id, m_pageSize);
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
    // Reread what is loaded (and anything newer), then change only what differs: rows keep their place, so views
    // keep their selection, scroll position and editors.
    const bool empty = m_cases.isEmpty();
    Result<QList<Case>> fresh =
        empty ? CaseListQuery(*m_db).page({0, m_pageSize}) : CaseListQuery(*m_db).fromId(m_cases.constLast().id);
    if (!fresh) {
        m_lastError = fresh.error().message;
        return;
    }
    if (empty)
        m_atEnd = fresh->size() < m_pageSize;
    merge(*fresh);
}

void CasesModel::merge(const QList<Case> &fresh)
{
    // Both lists are newest first (id descending): one pass inserts, removes and updates rows in place.
    int row = 0;
    qsizetype next = 0;
    while (next < fresh.size() || row < m_cases.size()) {
        if (next >= fresh.size()) {
            beginRemoveRows({}, row, int(m_cases.size()) - 1);
            m_cases.remove(row, m_cases.size() - row);
            endRemoveRows();
            break;
        }
        const Case &incoming = fresh.at(next);
        if (row >= m_cases.size() || incoming.id > m_cases.at(row).id) {
            beginInsertRows({}, row, row);
            m_cases.insert(row, incoming);
            endInsertRows();
            ++row;
            ++next;
        } else if (incoming.id < m_cases.at(row).id) {
            beginRemoveRows({}, row, row); // deleted in the store
            m_cases.removeAt(row);
            endRemoveRows();
        } else {
            if (!sameRow(m_cases.at(row), incoming)) {
                m_cases[row] = incoming;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            ++row;
            ++next;
        }
    }
}

const Case *CasesModel::caseAt(int row) const
{
    return row >= 0 && row < m_cases.size() ? &m_cases.at(row) : nullptr;
}

int CasesModel::rowOf(qint64 caseId) const
{
    for (int i = 0; i < m_cases.size(); ++i) {
        if (m_cases.at(i).id == caseId)
            return i;
    }
    return -1;
}

} // namespace cb::ui
