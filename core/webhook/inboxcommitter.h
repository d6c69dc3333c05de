#pragma once

#include "common/result.h"
#include "storage/inbox.h"

#include <QCoroTask>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace cb {

class Clock;
class Database;

// Group commit for the webhook inbox: events submitted while the event loop is busy are written in one
// transaction (one fsync with synchronous=FULL), and each submitter resumes only once its batch is committed —
// so an acknowledgement always means "on disk", and a burst does not pay one fsync per request.
class InboxCommitter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxCommitter)

public:
    InboxCommitter(Database &db, const Clock &clock, int delayMs = 0, int maxBatch = 512, QObject *parent = nullptr);

    QCoro::Task<Result<InboxInsertOutcome>> submit(InboxEvent event);
    // Commits whatever is queued now (shutdown).
    void flush();
    int queued() const { return int(m_queue.size()); }
    qint64 batches() const { return m_batches; }

Q_SIGNALS:
    void batchCommitted();

private:
    struct Item
    {
        quint64 seq;
        InboxEvent event;
    };

    Database &m_db;
    const Clock &m_clock;
    int m_maxBatch;
    QTimer m_timer;
    QList<Item> m_queue;
    QHash<quint64, Result<InboxInsertOutcome>> m_done;
    quint64 m_nextSeq = 0;
    qint64 m_batches = 0;
};

} // namespace cb
