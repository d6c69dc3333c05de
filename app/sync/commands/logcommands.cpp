#include "clicontext.h"
#include "commands.h"
#include "common/clock.h"
#include "domain/domainjson.h"
#include "signalwatcher.h"
#include "storage/changenotifier.h"
#include "storage/inbox.h"
#include "storage/outbox.h"
#include "storage/synclog.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace cb::cli {

namespace {

QString describe(const SyncLogEntry &e)
{
    QStringList parts;
    for (auto it = e.changes.begin(); it != e.changes.end(); ++it) {
        const QJsonObject ch = it.value().toObject();
        if (ch.contains(QStringLiteral("to")))
            parts << QStringLiteral("%1: %2 → %3")
                         .arg(it.key(), ch.value(QStringLiteral("from")).toVariant().toString(),
                              ch.value(QStringLiteral("to")).toVariant().toString());
        else
            parts << it.key();
    }
    QString line = QStringLiteral("%1  %2  %3/%4  %5")
                       .arg(toStoreTime(e.at), toString(e.result).leftJustified(12), toString(e.direction),
                            e.source ? toString(*e.source) : QString(), e.event);
    if (e.ticketId)
        line += QStringLiteral("  ticket %1").arg(*e.ticketId);
    if (e.caseId)
        line += QStringLiteral("  case %1").arg(*e.caseId);
    if (!parts.isEmpty())
        line += QStringLiteral("  ") + parts.join(QStringLiteral(", "));
    if (!e.error.isEmpty())
        line += QStringLiteral("  — ") + e.error;
    return line;
}

void printEntry(CliContext &ctx, const SyncLogEntry &e, bool jsonLines)
{
    if (jsonLines)
        ctx.out() << QString::fromUtf8(QJsonDocument(toJson(e)).toJson(QJsonDocument::Compact)) << Qt::endl;
    else
        ctx.out() << describe(e) << Qt::endl;
}

int runLog(CliContext &ctx)
{
    if (!ctx.args().isEmpty())
        return ctx.usage(QStringLiteral("`log` takes no arguments; see `casebridge-sync log --help`."));
    int limit = 50;
    if (ctx.parser().isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = ctx.parser().value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit <= 0)
            return ctx.usage(QStringLiteral("--limit takes a positive number."));
    }
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    SyncLog log(**db, Clock::system());
    auto rows = log.page(0, limit);
    if (!rows)
        return ctx.fail(rows.error());
    std::reverse(rows->begin(), rows->end());
    const bool follow = ctx.parser().isSet(QStringLiteral("follow"));
    if (ctx.json() && !follow) {
        QJsonArray arr;
        for (const SyncLogEntry &e : std::as_const(*rows))
            arr.append(toJson(e));
        ctx.printJson(arr);
        return ExitOk;
    }
    qint64 lastId = 0;
    for (const SyncLogEntry &e : std::as_const(*rows)) {
        printEntry(ctx, e, ctx.json());
        lastId = e.id;
    }
    if (!follow)
        return ExitOk;
    if (lastId == 0) {
        if (auto last = log.lastId())
            lastId = *last;
    }
    // Follow until SIGINT/SIGTERM (JSON lines with --json): new rows are read when the store says the log changed
    // (NOTIFY on PostgreSQL, a cheap data_version poll on SQLite), not on a timer.
    ChangeNotifier notifier((*db)->location());
    if (auto started = notifier.start(); !started)
        return ctx.fail(started.error());
    SignalWatcher signals;
    int rc = ExitOk;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, qApp, [] { QCoreApplication::exit(ExitOk); });
    const auto drain = [&] {
        auto more = log.after(lastId, 500);
        if (!more) {
            rc = ctx.fail(more.error());
            QCoreApplication::exit(rc);
            return;
        }
        for (const SyncLogEntry &e : std::as_const(*more)) {
            printEntry(ctx, e, ctx.json());
            lastId = e.id;
        }
    };
    QObject::connect(&notifier, &ChangeNotifier::changed, qApp, [&drain](const QString &table) {
        if (table.isEmpty() || table == QLatin1String("ticket_sync_log"))
            drain();
    });
    drain(); // rows appended before the subscription
    if (rc != ExitOk)
        return rc;
    const int exitCode = QCoreApplication::exec();
    return rc != ExitOk ? rc : exitCode;
}

int runFailed(CliContext &ctx)
{
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    Inbox inbox(**db, Clock::system());
    auto failed = inbox.byState(InboxState::Failed);
    auto dead = inbox.byState(InboxState::Dead);
    auto deadPushes = Outbox(**db, Clock::system()).listByState(OutboxState::Dead);
    if (!failed || !dead || !deadPushes)
        return ctx.fail(!failed ? failed.error() : !dead ? dead.error() : deadPushes.error());
    QList<InboxEvent> events = *failed + *dead;
    std::sort(events.begin(), events.end(), [](const InboxEvent &a, const InboxEvent &b) { return a.id < b.id; });
    if (ctx.json()) {
        QJsonArray arr;
        for (const InboxEvent &e : std::as_const(events)) {
            QJsonObject o = toJson(e);
            o.insert(QStringLiteral("kind"), QStringLiteral("webhook"));
            arr.append(o);
        }
        for (const OutboxItem &o : std::as_const(*deadPushes)) {
            QJsonObject push = toJson(o);
            push.insert(QStringLiteral("kind"), QStringLiteral("push"));
            arr.append(push);
        }
        ctx.printJson(arr);
        return ExitOk;
    }
    if (events.isEmpty())
        ctx.out() << "No failed webhook events." << Qt::endl;
    for (const InboxEvent &e : std::as_const(events))
        ctx.out() << "event " << e.id << "  " << toString(e.state) << "  " << toStoreTime(e.receivedAt) << "  "
                  << e.lastError << Qt::endl;
    if (!events.isEmpty())
        ctx.out() << "Replay with `casebridge-sync replay EVENT_ID` or `replay --all`." << Qt::endl;
    for (const OutboxItem &o : std::as_const(*deadPushes))
        ctx.out() << "push " << o.id << " (case " << o.caseId << ", " << (o.op ? toString(*o.op) : QString())
                  << ") gave up: " << o.lastError << Qt::endl;
    if (!deadPushes->isEmpty())
        ctx.out() << "Retry with `casebridge-sync replay --push ID` (or `replay --all`); drop one with `replay "
                     "--push ID --discard`."
                  << Qt::endl;
    return ExitOk;
}

// replay --push ID [--discard]: a push that gave up, queued again or dropped.
int runReplayPush(CliContext &ctx)
{
    bool ok = false;
    const qint64 id = ctx.parser().value(QStringLiteral("push")).toLongLong(&ok);
    if (!ok || id <= 0 || !ctx.args().isEmpty() || ctx.parser().isSet(QStringLiteral("all")))
        return ctx.usage(QStringLiteral("`replay --push` takes one push id; list them with `casebridge-sync failed`."));
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    Outbox outbox(**db, Clock::system());
    const bool discard = ctx.parser().isSet(QStringLiteral("discard"));
    if (discard) {
        if (auto st = outbox.discardDead(id); !st)
            return ctx.fail(st.error());
    } else if (auto n = outbox.retryDead(id); !n) {
        return ctx.fail(n.error());
    }
    if (ctx.json())
        ctx.printJson(QJsonObject{{discard ? QStringLiteral("discarded") : QStringLiteral("retried"), 1}});
    else if (discard)
        ctx.out() << "Push " << id << " discarded; the case keeps its value in Casebridge." << Qt::endl;
    else
        ctx.out() << "Push " << id << " queued again; a running serve or console sends it within a second." << Qt::endl;
    return ExitOk;
}

int runReplay(CliContext &ctx)
{
    if (ctx.parser().isSet(QStringLiteral("push")))
        return runReplayPush(ctx);
    if (ctx.parser().isSet(QStringLiteral("discard")))
        return ctx.usage(QStringLiteral("--discard goes with --push ID."));
    const bool all = ctx.parser().isSet(QStringLiteral("all"));
    std::optional<qint64> id;
    if (!all) {
        bool ok = false;
        const qint64 v = ctx.args().value(0).toLongLong(&ok);
        if (ctx.args().size() != 1 || !ok || v <= 0)
            return ctx.usage(QStringLiteral("`replay` needs an event id or --all; list them with `casebridge-sync "
                                            "failed`."));
        id = v;
    } else if (!ctx.args().isEmpty()) {
        return ctx.usage(QStringLiteral("`replay --all` takes no event id."));
    }
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    Inbox inbox(**db, Clock::system());
    if (id) {
        auto e = inbox.get(*id);
        if (!e)
            return ctx.fail(e.error());
        if (e->state != InboxState::Failed && e->state != InboxState::Dead)
            return ctx.fail(
                Error::make(Error::Kind::Usage, QStringLiteral("Event %1 has not failed (it is %2); nothing to replay.")
                                                    .arg(*id)
                                                    .arg(toString(e->state))));
    }
    auto n = inbox.replay(id);
    if (!n)
        return ctx.fail(n.error());
    int pushes = 0;
    if (all) {
        auto retried = Outbox(**db, Clock::system()).retryDead();
        if (!retried)
            return ctx.fail(retried.error());
        pushes = *retried;
    }
    if (ctx.json())
        ctx.printJson(QJsonObject{{QStringLiteral("replayed"), *n}, {QStringLiteral("retried"), pushes}});
    else
        ctx.out() << *n << " event(s) and " << pushes
                  << " push(es) queued again; a running serve or console processes them within a second." << Qt::endl;
    return ExitOk;
}

} // namespace

CliCommand logCommand()
{
    return {QStringLiteral("log"),
            QStringLiteral("log [--follow] [--limit N]"),
            QStringLiteral("Show the sync log (every change and decision); --follow keeps printing new rows."),
            {QCommandLineOption(QStringLiteral("follow"), QStringLiteral("Keep printing new rows until interrupted.")),
             QCommandLineOption(QStringLiteral("limit"), QStringLiteral("How many recent rows (default 50)."),
                                QStringLiteral("N"))},
            &runLog};
}

CliCommand failedCommand()
{
    return {QStringLiteral("failed"),
            QStringLiteral("failed"),
            QStringLiteral("List webhook events that could not be processed, and pushes that gave up."),
            {},
            &runFailed};
}

CliCommand replayCommand()
{
    return {QStringLiteral("replay"),
            QStringLiteral("replay EVENT_ID|--all|--push ID [--discard]"),
            QStringLiteral("Queue failed webhook events (or pushes that gave up) again, or discard a push."),
            {QCommandLineOption(QStringLiteral("all"),
                                QStringLiteral("Replay every failed event and retry every push that gave up.")),
             QCommandLineOption(QStringLiteral("push"), QStringLiteral("Retry this push that gave up."),
                                QStringLiteral("ID")),
             QCommandLineOption(QStringLiteral("discard"), QStringLiteral("With --push: drop it instead."))},
            &runReplay};
}

} // namespace cb::cli
