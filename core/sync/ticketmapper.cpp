#include "ticketmapper.h"

#include "common/clock.h"

#include <QJsonValue>

namespace cb {

namespace {
QJsonValue optId(const std::optional<qint64> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QVariant idVariant(const QJsonValue &v)
{
    if (v.isDouble())
        return QVariant(qint64(v.toDouble()));
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok)
            return QVariant(n);
    }
    return QVariant(QMetaType::fromType<qint64>());
}
} // namespace

TicketMapper::TicketMapper(TicketVocabulary vocabulary)
    : m_vocabulary(std::move(vocabulary))
{}

QString TicketMapper::remoteFieldName(const QString &caseField)
{
    if (caseField == QLatin1String(CaseField::Status) || caseField == QLatin1String(CaseField::Priority) ||
        caseField == QLatin1String(CaseField::Subject) || caseField == QLatin1String(CaseField::GroupId))
        return caseField;
    if (caseField == QLatin1String(CaseField::AssigneeId))
        return QStringLiteral("responder_id");
    return {};
}

QJsonObject TicketMapper::remoteState(const Ticket &t)
{
    QJsonObject state = t.providerFields;
    if (t.source > 0)
        state.insert(QStringLiteral("source"), t.source);
    if (!t.channel.isEmpty())
        state.insert(QStringLiteral("channel"), t.channel);
    const QJsonObject common{{QStringLiteral("status"), t.status},
                             {QStringLiteral("priority"), t.priority},
                             {QStringLiteral("responder_id"), optId(t.responderId)},
                             {QStringLiteral("group_id"), optId(t.groupId)},
                             {QStringLiteral("requester_id"), optId(t.requesterId)},
                             {QStringLiteral("company_id"), optId(t.companyId)},
                             {QStringLiteral("subject"), t.subject},
                             {QStringLiteral("updated_at"), toStoreTime(t.updatedAt)},
                             {QStringLiteral("spam"), t.spam},
                             {QStringLiteral("deleted"), t.deleted}};
    for (auto it = common.begin(); it != common.end(); ++it)
        state.insert(it.key(), it.value());
    return state;
}

Case TicketMapper::toCase(const Ticket &t, const QString &integrationId, qint64 workspaceId) const
{
    Case c;
    c.workspaceId = workspaceId;
    c.integrationId = integrationId;
    c.subject = t.subject;
    c.description = t.descriptionText.isEmpty() ? t.descriptionHtml : t.descriptionText;
    c.status = m_vocabulary.statusName(t.status);
    c.priority = TicketVocabulary::priorityName(t.priority);
    c.assigneeId = t.responderId;
    c.groupId = t.groupId;
    c.externalProvider = QStringLiteral("freshdesk");
    c.externalTicketId = t.id;
    c.externalUpdatedAt = t.updatedAt;
    c.remoteState = remoteState(t);
    return c;
}

CaseChanges TicketMapper::caseChangesFromRemote(const QJsonObject &f) const
{
    CaseChanges out;
    if (f.contains(QStringLiteral("status")) && f.value(QStringLiteral("status")).isDouble())
        out.insert(QLatin1String(CaseField::Status),
                   m_vocabulary.statusName(f.value(QStringLiteral("status")).toInt()));
    if (f.contains(QStringLiteral("priority")) && f.value(QStringLiteral("priority")).isDouble())
        out.insert(QLatin1String(CaseField::Priority),
                   TicketVocabulary::priorityName(f.value(QStringLiteral("priority")).toInt()));
    if (f.contains(QStringLiteral("responder_id")))
        out.insert(QLatin1String(CaseField::AssigneeId), idVariant(f.value(QStringLiteral("responder_id"))));
    if (f.contains(QStringLiteral("group_id")))
        out.insert(QLatin1String(CaseField::GroupId), idVariant(f.value(QStringLiteral("group_id"))));
    if (f.value(QStringLiteral("subject")).isString() && !f.value(QStringLiteral("subject")).toString().isEmpty())
        out.insert(QLatin1String(CaseField::Subject), f.value(QStringLiteral("subject")).toString());
    return out;
}

Result<QJsonObject> TicketMapper::ticketFieldsFromCase(const QJsonObject &caseFields) const
{
    QJsonObject out;
    for (auto it = caseFields.begin(); it != caseFields.end(); ++it) {
        const QString remote = remoteFieldName(it.key());
        if (remote.isEmpty())
            continue;
        if (it.key() == QLatin1String(CaseField::Status)) {
            const auto id = m_vocabulary.statusId(it.value().toString());
            if (!id)
                return Error::make(
                    Error::Kind::Usage,
                    QStringLiteral("'%1' is not a status the helpdesk knows.").arg(it.value().toString()));
            out.insert(remote, *id);
        } else if (it.key() == QLatin1String(CaseField::Priority)) {
            const auto id = TicketVocabulary::priorityId(it.value().toString());
            if (!id)
                return Error::make(Error::Kind::Usage,
                                   QStringLiteral("'%1' is not a priority; use low, medium, high or urgent.")
                                       .arg(it.value().toString()));
            out.insert(remote, *id);
        } else {
            out.insert(remote, it.value());
        }
    }
    return out;
}

} // namespace cb
