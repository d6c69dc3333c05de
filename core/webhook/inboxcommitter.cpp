#include "inboxcommitter.h"

#include "common/logging.h"
#include "storage/database.h"

#include <QCoroSignal>

namespace cb {

InboxCommitter::InboxCommitter(Database &db, const Clock &clock, int delayMs, int maxBatch, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_maxBatch(std::max(1, maxBatch))
{
    m_timer.setParent(this);
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::max(0, delayMs));
    connect(&m_timer, &QTimer::timeout, this, &InboxCommitter::flush);
}

QCoro::Task<Result<InboxInsertOutcome>> InboxCommitter::submit(InboxEvent event)
{
    const quint64 seq = ++m_nextSeq;
    m_queue.append(Item{seq, std::move(event)});
    if (!m_timer.isActive())
        m_timer.start();
    while (!m_done.contains(seq))
        co_await qCoro(this, &InboxCommitter::batchCommitted);
    co_return m_done.take(seq);
}

void InboxCommitter::flush()
{
    while (!m_queue.isEmpty()) {
        const QList<Item> batch = m_queue.mid(0, m_maxBatch);
        m_queue.remove(0, batch.size());
        Inbox inbox(m_db, m_clock);
        QList<Result<InboxInsertOutcome>> outcomes;
        outcomes.reserve(batch.size());
        Status status = Ok{};
        {
            WriteTransaction tx(m_db);
            status = tx.started();
            if (status) {
                for (const Item &item : batch) {
                    auto r = inbox.insert(item.event);
                    if (!r) {
                        status = r.error();
                        break;
                    }
                    outcomes.append(r);
                }
            }
            if (status)
                status = tx.commit();
        }
        ++m_batches;
        if (!status) {
            qCWarning(lcWebhook) << "inbox batch of" << batch.size()
                                 << "not committed:" << status.error().toLogString();
            Error e = status.error();
            e.kind = Error::Kind::Unavailable;
            for (const Item &item : batch)
                m_done.insert(item.seq, e);
        } else {
            for (qsizetype i = 0; i < batch.size(); ++i)
                m_done.insert(batch.at(i).seq, outcomes.at(i));
        }
    }
    Q_EMIT batchCommitted();
}

} // namespace cb
