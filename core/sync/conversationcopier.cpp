#include "conversationcopier.h"

#include "common/logging.h"
#include "helpdesk/helpdeskclient.h"
#include "storage/casestore.h"
#include "storage/commentstore.h"
#include "storage/namedirectory.h"
#include "storage/synclog.h"

namespace cb {

ConversationCopier::ConversationCopier(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

QCoro::Task<QString> ConversationCopier::authorName(QString integrationId, HelpdeskClient *client, qint64 userId,
                                                    bool incoming)
{
    const QString key = integrationId + QLatin1Char(':') + QString::number(userId);
    if (const auto it = m_names.constFind(key); it != m_names.cend())
        co_return *it;
    auto name = co_await client->personName(userId, incoming);
    if (!name) {
        // The comment still arrives, under the user's id; the name is asked for again next time.
        qCInfo(lcSync) << "author name of user" << userId << "unavailable:" << name.error().detail;
        co_return NameDirectory::unknownUser(userId);
    }
    if (m_names.size() > 10000)
        m_names.clear();
    const QString shown = name->isEmpty() ? NameDirectory::unknownUser(userId) : *name;
    m_names.insert(key, shown);
    co_return shown;
}

QCoro::Task<Result<int>> ConversationCopier::copy(Integration integration, HelpdeskClient *client, qint64 caseId,
                                                  qint64 ticketId, ChangeSource source)
{
    if (!client)
        co_return Error::make(Error::Kind::Unavailable, QStringLiteral("The helpdesk client is not ready."));
    auto conversations = co_await client->listConversations(ticketId);
    if (!conversations)
        co_return conversations.error();
    CommentStore comments(m_db, m_clock);
    int added = 0;
    for (const Conversation &conv : std::as_const(*conversations)) {
        if (conv.body.contains(QLatin1String("<!-- casebridge:outbox:")))
            continue; // one of ours: recorded when it was pushed
        Comment c;
        c.caseId = caseId;
        c.externalId = conv.id;
        if (conv.userId) {
            // The account's directory (and the case's requester) first; the helpdesk only for who it does not know.
            c.author = NameDirectory(m_db, m_clock).knownAuthor(integration, caseId, *conv.userId, conv.incoming);
            if (c.author.isEmpty())
                c.author = co_await authorName(integration.id, client, *conv.userId, conv.incoming);
        }
        c.body = conv.bodyText.isEmpty() ? conv.body : conv.bodyText;
        c.isPrivate = conv.isPrivate;
        c.source = toString(source);
        c.createdAt = conv.createdAt;
        auto r = comments.insert(c);
        if (!r)
            co_return r.error();
        if (r->second)
            ++added;
    }
    if (added > 0) {
        SyncLogEntry e;
        e.integrationId = integration.id;
        e.caseId = caseId;
        e.ticketId = ticketId;
        e.direction = directionFor(source);
        e.source = source;
        e.event = QStringLiteral("comments.added");
        e.changes = {{QStringLiteral("comments"), added}};
        e.result = SyncResult::Applied;
        logIfFailed(SyncLog(m_db, m_clock).append(e), "sync log");
    }
    co_return added;
}

} // namespace cb
