#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace cb {

class SandboxHelpdesk;

// Simulated people at work in the sandbox account, for demos and load: on a timer, agents change a random
// ticket's status or priority, assign it, or add a private note; customers reply (which reopens a pending or
// resolved ticket) or open new tickets. Everything goes through SandboxHelpdesk::agentEdit (no API credits,
// webhooks fire). The sequence of choices is fixed by the seed and the account's tickets.
class SandboxActivity final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxActivity)

public:
    explicit SandboxActivity(SandboxHelpdesk *helpdesk);

    // `perMinute` edits a minute (1..6000); 0 stops. Restarting reseeds.
    void start(int perMinute, quint32 seed = 42);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    // One edit now; returns its kind (status, priority, assign, note, customer_reply, new_ticket) or an empty
    // string when the account has no ticket to edit.
    QString step();
    QJsonObject state() const; // {"running","per_minute","seed","edits","by_kind":{…}}

private:
    qint64 pickTicket();

    SandboxHelpdesk *m_helpdesk;
    QTimer m_timer;
    QRandomGenerator m_rng{42};
    quint32 m_seed = 42;
    int m_perMinute = 0;
    qint64 m_edits = 0;
    QHash<QString, qint64> m_byKind;
};

} // namespace cb
