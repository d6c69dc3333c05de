#include "caseactions.h"

#include "common/clock.h"
#include "domain/integrationsettings.h"
#include "domain/ticketvocabulary.h"
#include "storage/casestore.h"
#include "storage/commentstore.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "storage/outbox.h"

#include <QCoreApplication>

namespace cb {

CaseActions::CaseActions(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

Result<CaseWriteOutcome> CaseActions::edit(qint64 caseId, const CaseChanges &changes)
{
    const TicketVocabulary vocabulary;
    CaseChanges normalised = changes;
    if (changes.contains(QLatin1String(CaseField::Status))) {
        const QString s = changes.value(QLatin1String(CaseField::Status)).toString().trimmed().toLower();
        const auto id = vocabulary.statusId(s);
        if (!id)
            return Error::make(Error::Kind::Usage,
                               QCoreApplication::translate("cb::CoreMessages",
                                                           "'%1' is not a status; use open, pending, resolved, "
                                                           "closed or a custom status name.")
                                   .arg(s));
        normalised.insert(QLatin1String(CaseField::Status), vocabulary.statusName(*id));
    }
    if (changes.contains(QLatin1String(CaseField::Priority))) {
        const QString p = changes.value(QLatin1String(CaseField::Priority)).toString().trimmed().toLower();
        if (!TicketVocabulary::priorityId(p))
            return Error::make(Error::Kind::Usage,
                               QCoreApplication::translate("cb::CoreMessages",
                                                           "'%1' is not a priority; use low, medium, high or urgent.")
                                   .arg(p));
        normalised.insert(QLatin1String(CaseField::Priority), p);
    }
    if (normalised.isEmpty())
        return Error::make(
            Error::Kind::Usage,
            QCoreApplication::translate("cb::CoreMessages", "Nothing to change: give a status, priority or assignee."));
    return CaseStore(m_db, m_clock).updateCase(caseId, normalised, ChangeSource::User);
}

Result<CommentOutcome> CaseActions::addComment(qint64 caseId, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error::make(Error::Kind::Usage,
                           QCoreApplication::translate("cb::CoreMessages", "A comment needs some text."));
    auto c = CaseStore(m_db, m_clock).get(caseId);
    if (!c)
        return c.error();
    IntegrationSettings settings;
    QString author; // the connected agent: the helpdesk shows the note as theirs
    if (!c->integrationId.isEmpty()) {
        if (auto integration = IntegrationStore(m_db, m_clock).get(c->integrationId)) {
            settings = IntegrationSettings::fromJson(integration->settings);
            author = integration->agentName;
        }
    }
    CommentOutcome out;
    const bool pushes = c->externalTicketId && !c->integrationId.isEmpty() &&
                        settings.comments != IntegrationSettings::CommentMode::Off;
    out.isPrivate = settings.comments == IntegrationSettings::CommentMode::Private;
    WriteTransaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    Comment comment;
    comment.caseId = caseId;
    comment.body = trimmed;
    comment.isPrivate = out.isPrivate;
    comment.source = QStringLiteral("user");
    comment.author = author;
    auto inserted = CommentStore(m_db, m_clock).insert(comment);
    if (!inserted)
        return inserted.error();
    out.commentId = inserted->first;
    if (pushes) {
        QString body = trimmed.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        if (!settings.footer.isEmpty())
            body += QStringLiteral("<br><br>") + settings.footer.toHtmlEscaped();
        OutboxItem item;
        item.caseId = caseId;
        item.integrationId = c->integrationId;
        item.op = out.isPrivate ? OutboxOp::Note : OutboxOp::Reply;
        item.payload = {{QStringLiteral("comment_id"), out.commentId},
                        {QStringLiteral("body"), body},
                        {QStringLiteral("private"), out.isPrivate}};
        auto queued = Outbox(m_db, m_clock).enqueue(item);
        if (!queued)
            return queued.error();
        out.queued = true;
    }
    if (auto st = tx.commit(); !st)
        return st.error();
    return out;
}

Result<qint64> CaseActions::handoff(qint64 caseId)
{
    auto c = CaseStore(m_db, m_clock).get(caseId);
    if (!c)
        return c.error();
    if (!c->externalTicketId || c->integrationId.isEmpty())
        return Error::make(
            Error::Kind::Usage,
            QCoreApplication::translate("cb::CoreMessages",
                                        "Case %1 is not linked to a helpdesk ticket, so there is nothing to hand off.")
                .arg(caseId));
    OutboxItem item;
    item.caseId = caseId;
    item.integrationId = c->integrationId;
    item.op = OutboxOp::Handoff;
    return Outbox(m_db, m_clock).enqueue(item);
}

} // namespace cb
