#include "clicontext.h"
#include "commands.h"
#include "common/clock.h"
#include "domain/domainjson.h"
#include "storage/casestore.h"
#include "storage/commentstore.h"
#include "sync/caseactions.h"

#include <QJsonArray>

namespace cb::cli {

namespace {

Result<qint64> caseIdArg(CliContext &ctx, const QString &command)
{
    bool ok = false;
    const qint64 id = ctx.args().value(0).toLongLong(&ok);
    if (ctx.args().size() != 1 || !ok || id <= 0)
        return Error::make(
            Error::Kind::Usage,
            QStringLiteral("`%1` needs one case id; list them with `casebridge-sync cases`.").arg(command));
    return id;
}

void printCase(CliContext &ctx, const Case &c)
{
    ctx.out() << "#" << c.id << "  [" << c.status << "/" << c.priority << "]  " << c.subject;
    if (c.externalTicketId)
        ctx.out() << "  (" << c.externalProvider << " #" << *c.externalTicketId << ")";
    ctx.out() << Qt::endl;
}

int runCases(CliContext &ctx)
{
    if (!ctx.args().isEmpty())
        return ctx.usage(QStringLiteral("`cases` takes no arguments."));
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto list = CaseStore(**db, Clock::system()).list(100000);
    if (!list)
        return ctx.fail(list.error());
    if (ctx.json()) {
        QJsonArray arr;
        for (const Case &c : std::as_const(*list))
            arr.append(toJson(c));
        ctx.printJson(arr);
        return ExitOk;
    }
    if (list->isEmpty())
        ctx.out() << "No cases yet. Import tickets with `casebridge-sync import INTEGRATION_ID`." << Qt::endl;
    for (const Case &c : std::as_const(*list))
        printCase(ctx, c);
    return ExitOk;
}

int runCase(CliContext &ctx)
{
    auto id = caseIdArg(ctx, QStringLiteral("case"));
    if (!id)
        return ctx.fail(id.error());
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto c = CaseStore(**db, Clock::system()).get(*id);
    if (!c)
        return ctx.fail(c.error());
    auto comments = CommentStore(**db, Clock::system()).forCase(*id);
    if (!comments)
        return ctx.fail(comments.error());
    if (ctx.json()) {
        QJsonObject o = toJson(*c);
        QJsonArray arr;
        for (const Comment &cm : std::as_const(*comments)) {
            arr.append(
                QJsonObject{{QStringLiteral("id"), cm.id},
                            {QStringLiteral("external_id"), cm.externalId ? QJsonValue(*cm.externalId) : QJsonValue()},
                            {QStringLiteral("author"), cm.author},
                            {QStringLiteral("body"), cm.body},
                            {QStringLiteral("private"), cm.isPrivate},
                            {QStringLiteral("source"), cm.source},
                            {QStringLiteral("created_at"), toStoreTime(cm.createdAt)}});
        }
        o.insert(QStringLiteral("comments"), arr);
        ctx.printJson(o);
        return ExitOk;
    }
    printCase(ctx, *c);
    if (const QString channel = c->remoteState.value(QStringLiteral("channel")).toString(); !channel.isEmpty())
        ctx.out() << "Channel: " << channel << Qt::endl;
    ctx.out() << c->description << Qt::endl;
    for (const Comment &cm : std::as_const(*comments))
        ctx.out() << "  - " << (cm.isPrivate ? "[private] " : "") << cm.body << Qt::endl;
    return ExitOk;
}

int runEdit(CliContext &ctx)
{
    auto id = caseIdArg(ctx, QStringLiteral("edit"));
    if (!id)
        return ctx.fail(id.error());
    CaseChanges changes;
    if (ctx.parser().isSet(QStringLiteral("status")))
        changes.insert(QLatin1String(CaseField::Status), ctx.parser().value(QStringLiteral("status")));
    if (ctx.parser().isSet(QStringLiteral("priority")))
        changes.insert(QLatin1String(CaseField::Priority), ctx.parser().value(QStringLiteral("priority")));
    if (ctx.parser().isSet(QStringLiteral("assignee"))) {
        const QString a = ctx.parser().value(QStringLiteral("assignee")).trimmed();
        bool ok = false;
        const qint64 agent = a.toLongLong(&ok);
        if (a == QLatin1String("none"))
            changes.insert(QLatin1String(CaseField::AssigneeId), QVariant(QMetaType::fromType<qint64>()));
        else if (ok && agent > 0)
            changes.insert(QLatin1String(CaseField::AssigneeId), agent);
        else
            return ctx.usage(QStringLiteral("--assignee takes an agent id or 'none'."));
    }
    if (changes.isEmpty())
        return ctx.usage(QStringLiteral("Tell `edit` what to change: --status, --priority or --assignee."));
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto written = CaseActions(**db, Clock::system()).edit(*id, changes);
    if (!written)
        return ctx.fail(written.error());
    auto c = CaseStore(**db, Clock::system()).get(*id);
    if (ctx.json()) {
        QJsonObject o = c ? toJson(*c) : QJsonObject();
        o.insert(QStringLiteral("changed"), QJsonArray::fromStringList(written->changedFields));
        o.insert(QStringLiteral("queued"), written->outboxId > 0);
        ctx.printJson(o);
    } else if (written->changedFields.isEmpty()) {
        ctx.out() << "Nothing changed: the case already has those values." << Qt::endl;
    } else {
        ctx.out() << "Changed " << written->changedFields.join(QStringLiteral(", "))
                  << (written->outboxId > 0 ? "; queued for the helpdesk." : ".") << Qt::endl;
    }
    return ExitOk;
}

int runComment(CliContext &ctx)
{
    auto id = caseIdArg(ctx, QStringLiteral("comment"));
    if (!id)
        return ctx.fail(id.error());
    const QString text = ctx.parser().value(QStringLiteral("text")).trimmed();
    if (text.isEmpty())
        return ctx.usage(QStringLiteral("`comment` needs --text with the comment."));
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto added = CaseActions(**db, Clock::system()).addComment(*id, text);
    if (!added)
        return ctx.fail(added.error());
    if (ctx.json()) {
        ctx.printJson(QJsonObject{{QStringLiteral("comment_id"), added->commentId},
                                  {QStringLiteral("private"), added->isPrivate},
                                  {QStringLiteral("queued"), added->queued}});
    } else {
        ctx.out() << "Comment added"
                  << (added->queued ? (added->isPrivate ? "; queued as a private note." : "; queued as a public reply.")
                                    : " locally (comment push is off, or the case is not linked).")
                  << Qt::endl;
    }
    return ExitOk;
}

int runHandoff(CliContext &ctx)
{
    auto id = caseIdArg(ctx, QStringLiteral("handoff"));
    if (!id)
        return ctx.fail(id.error());
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto queued = CaseActions(**db, Clock::system()).handoff(*id);
    if (!queued)
        return ctx.fail(queued.error());
    if (ctx.json())
        ctx.printJson(QJsonObject{{QStringLiteral("case_id"), *id}, {QStringLiteral("queued"), true}});
    else
        ctx.out() << "Hand-off queued; a running serve or console sends it within a second." << Qt::endl;
    return ExitOk;
}

} // namespace

CliCommand casesCommand()
{
    return {QStringLiteral("cases"), QStringLiteral("cases"), QStringLiteral("List the cases."), {}, &runCases};
}

CliCommand caseCommand()
{
    return {QStringLiteral("case"),
            QStringLiteral("case CASE_ID"),
            QStringLiteral("Show one case with its comments."),
            {},
            &runCase};
}

CliCommand editCommand()
{
    return {QStringLiteral("edit"),
            QStringLiteral("edit CASE_ID [--status S] [--priority P] [--assignee AGENT_ID|none]"),
            QStringLiteral("Change a case; the change is queued for the helpdesk (source=user)."),
            {QCommandLineOption(QStringLiteral("status"),
                                QStringLiteral("open, pending, resolved, closed, or a custom "
                                               "status name."),
                                QStringLiteral("S")),
             QCommandLineOption(QStringLiteral("priority"), QStringLiteral("low, medium, high or urgent."),
                                QStringLiteral("P")),
             QCommandLineOption(QStringLiteral("assignee"), QStringLiteral("An agent id, or none."),
                                QStringLiteral("AGENT_ID"))},
            &runEdit};
}

CliCommand commentCommand()
{
    return {QStringLiteral("comment"),
            QStringLiteral("comment CASE_ID --text T"),
            QStringLiteral("Add a comment; pushed as a public reply or a private note, per the integration."),
            {QCommandLineOption(QStringLiteral("text"), QStringLiteral("The comment."), QStringLiteral("T"))},
            &runComment};
}

CliCommand handoffCommand()
{
    return {QStringLiteral("handoff"),
            QStringLiteral("handoff CASE_ID"),
            QStringLiteral("Hand the ticket back to the helpdesk's people, per the integration's routing."),
            {},
            &runHandoff};
}

} // namespace cb::cli
