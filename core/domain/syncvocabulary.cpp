#include "syncvocabulary.h"

#include <initializer_list>

namespace cb {

namespace {
template<typename E>
std::optional<E> parse(const QString &text, std::initializer_list<E> all)
{
    for (E value : all) {
        if (toString(value) == text)
            return value;
    }
    return std::nullopt;
}
} // namespace

QString toString(SyncDirection direction)
{
    switch (direction) {
    case SyncDirection::Inbound:
        return QStringLiteral("inbound");
    case SyncDirection::Outbound:
        return QStringLiteral("outbound");
    case SyncDirection::Import:
        return QStringLiteral("import");
    case SyncDirection::Reconcile:
        return QStringLiteral("reconcile");
    case SyncDirection::Local:
        return QStringLiteral("local");
    }
    return {};
}

QString toString(SyncResult result)
{
    switch (result) {
    case SyncResult::Applied:
        return QStringLiteral("applied");
    case SyncResult::Unchanged:
        return QStringLiteral("unchanged");
    case SyncResult::EchoDropped:
        return QStringLiteral("echo_dropped");
    case SyncResult::Conflict:
        return QStringLiteral("conflict");
    case SyncResult::Failed:
        return QStringLiteral("failed");
    case SyncResult::Dead:
        return QStringLiteral("dead");
    case SyncResult::Created:
        return QStringLiteral("created");
    case SyncResult::Linked:
        return QStringLiteral("linked");
    case SyncResult::Ignored:
        return QStringLiteral("ignored");
    }
    return {};
}

QString toString(OutboxOp op)
{
    switch (op) {
    case OutboxOp::Update:
        return QStringLiteral("update");
    case OutboxOp::Note:
        return QStringLiteral("note");
    case OutboxOp::Reply:
        return QStringLiteral("reply");
    case OutboxOp::Handoff:
        return QStringLiteral("handoff");
    }
    return {};
}

QString toString(OutboxState state)
{
    switch (state) {
    case OutboxState::Pending:
        return QStringLiteral("pending");
    case OutboxState::Inflight:
        return QStringLiteral("inflight");
    case OutboxState::Done:
        return QStringLiteral("done");
    case OutboxState::Failed:
        return QStringLiteral("failed");
    case OutboxState::Dead:
        return QStringLiteral("dead");
    case OutboxState::Discarded:
        return QStringLiteral("discarded");
    }
    return {};
}

QString toString(InboxState state)
{
    switch (state) {
    case InboxState::Pending:
        return QStringLiteral("pending");
    case InboxState::Done:
        return QStringLiteral("done");
    case InboxState::Failed:
        return QStringLiteral("failed");
    case InboxState::Dead:
        return QStringLiteral("dead");
    }
    return {};
}

std::optional<SyncDirection> syncDirectionFromString(const QString &text)
{
    return parse(text, {SyncDirection::Inbound, SyncDirection::Outbound, SyncDirection::Import,
                        SyncDirection::Reconcile, SyncDirection::Local});
}

std::optional<SyncResult> syncResultFromString(const QString &text)
{
    return parse(text,
                 {SyncResult::Applied, SyncResult::Unchanged, SyncResult::EchoDropped, SyncResult::Conflict,
                  SyncResult::Failed, SyncResult::Dead, SyncResult::Created, SyncResult::Linked, SyncResult::Ignored});
}

std::optional<OutboxOp> outboxOpFromString(const QString &text)
{
    return parse(text, {OutboxOp::Update, OutboxOp::Note, OutboxOp::Reply, OutboxOp::Handoff});
}

std::optional<OutboxState> outboxStateFromString(const QString &text)
{
    return parse(text, {OutboxState::Pending, OutboxState::Inflight, OutboxState::Done, OutboxState::Failed,
                        OutboxState::Dead, OutboxState::Discarded});
}

std::optional<InboxState> inboxStateFromString(const QString &text)
{
    return parse(text, {InboxState::Pending, InboxState::Done, InboxState::Failed, InboxState::Dead});
}

SyncDirection directionFor(ChangeSource source)
{
    switch (source) {
    case ChangeSource::User:
        return SyncDirection::Local;
    case ChangeSource::Import:
        return SyncDirection::Import;
    case ChangeSource::Webhook:
        return SyncDirection::Inbound;
    case ChangeSource::Reconciler:
        return SyncDirection::Reconcile;
    }
    return SyncDirection::Local;
}

} // namespace cb
