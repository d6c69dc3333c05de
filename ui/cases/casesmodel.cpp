#include "casesmodel.h"

#include "storage/database.h"
#include "storage/sqlvalues.h"

#include <QHash>
#include <QJsonValue>
#include <QLocale>
#include <QSqlQuery>

namespace cb::ui {

CasesModel::CasesModel(Database *readOnly, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(readOnly)
{}

QList<Case> CasesModel::load(qint64 beforeId, int limit)
{
    QList<Case> out;
    if (!m_db)
        return out;
    QString sql = QStringLiteral("SELECT id, subject, status, priority, assignee_id, external_ticket_id, updated_at, "
                                 "integration_id, remote_state FROM cases");
    QVariantList args;
    if (beforeId > 0) {
        sql += QStringLiteral(" WHERE id < ?");
        args << beforeId;
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    args << limit;
    auto q = m_db->exec(sql, args);
    if (!q) {
        m_lastError = q.error().message;
        return out;
    }
    while (q->next()) {
        Case c;
        c.id = q->value(0).toLongLong();
        c.subject = q->value(1).toString();
        c.status = q->value(2).toString();
        c.priority = q->value(3).toString();
        c.assigneeId = sql::toOptionalInt(q->value(4));
        c.externalTicketId = sql::toOptionalInt(q->value(5));
        c.updatedAt = sql::toTime(q->value(6));
        c.integrationId = q->value(7).toString();
        // Only the channel is shown; the rest of the remote state stays in the store.
        const QJsonValue channel = sql::toJson(q->value(8)).value(QStringLiteral("channel"));
        if (channel.isString())
            c.remoteState.insert(QStringLiteral("channel"), channel);
        out << c;
    }
    return out;
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
        return QLocale().toString(c.updatedAt.toLocalTime(), QLocale::ShortFormat);
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
    const int wanted = std::max(m_pageSize, int(m_cases.size()));
    beginResetModel();
    m_cases = load(0, wanted);
    m_atEnd = m_cases.size() < wanted;
    endResetModel();
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
