#include "sandboxactivity.h"

#include "sandbox/sandboxhelpdesk.h"

#include <iterator>

namespace cb {

namespace {
const char *const kNotes[] = {"Checked the logs, looking into it.", "Asked the customer for a screenshot.",
                              "Escalating to second line.", "Known issue, linking to the problem ticket."};
const char *const kReplies[] = {"Any news on this?", "Still happening this morning.", "Thanks, that fixed it!",
                                "Attached the screenshot you asked for."};
const char *const kSubjects[] = {"Cannot log in", "Order arrived damaged", "Question about my invoice",
                                 "App crashes on start"};
} // namespace

SandboxActivity::SandboxActivity(SandboxHelpdesk *helpdesk)
    : QObject(helpdesk)
    , m_helpdesk(helpdesk)
{
    connect(&m_timer, &QTimer::timeout, this, [this] { step(); });
}

void SandboxActivity::start(int perMinute, quint32 seed)
{
    stop();
    m_seed = seed;
    m_rng.seed(seed);
    m_perMinute = std::clamp(perMinute, 0, 6000);
    if (m_perMinute == 0)
        return;
    m_timer.start(60000 / m_perMinute);
}

void SandboxActivity::stop()
{
    m_timer.stop();
    m_perMinute = 0;
}

qint64 SandboxActivity::pickTicket()
{
    const auto &tickets = m_helpdesk->account().tickets;
    for (int attempt = 0; attempt < 5 && !tickets.isEmpty(); ++attempt) {
        const auto it = std::next(tickets.cbegin(), qsizetype(m_rng.bounded(quint32(tickets.size()))));
        if (!it->value(QStringLiteral("deleted")).toBool() && !it->value(QStringLiteral("spam")).toBool())
            return it.key();
    }
    return 0;
}

QString SandboxActivity::step()
{
    SandboxAccount &account = m_helpdesk->account();
    const quint32 roll = m_rng.bounded(100u);
    QString kind;
    if (roll < 5) {
        const int who = int(m_rng.bounded(200u));
        const QString email = QStringLiteral("customer%1@company%2.example").arg(who).arg(who % 5);
        m_helpdesk->customerCreatesTicket(QString::fromLatin1(kSubjects[m_rng.bounded(4u)]), email);
        kind = QStringLiteral("new_ticket");
    } else {
        const qint64 id = pickTicket();
        if (id == 0)
            return {};
        const QList<qint64> agents = account.agents.keys();
        const qint64 agent = agents.at(qsizetype(m_rng.bounded(quint32(agents.size()))));
        QJsonObject fields;
        if (roll < 35) {
            kind = QStringLiteral("status");
            fields.insert(kind, int(2 + m_rng.bounded(4u)));
        } else if (roll < 50) {
            kind = QStringLiteral("priority");
            fields.insert(kind, int(1 + m_rng.bounded(4u)));
        } else if (roll < 70) {
            kind = QStringLiteral("assign");
            fields.insert(QStringLiteral("responder_id"), agent);
            fields.insert(QStringLiteral("group_id"),
                          account.groups.at(qsizetype(m_rng.bounded(quint32(account.groups.size()))))
                              .value(QStringLiteral("id")));
        } else if (roll < 85) {
            kind = QStringLiteral("note");
            fields.insert(kind, QJsonObject{{QStringLiteral("body"), QString::fromLatin1(kNotes[m_rng.bounded(4u)])},
                                            {QStringLiteral("private"), true}});
        } else {
            kind = QStringLiteral("customer_reply");
            fields.insert(QStringLiteral("note"),
                          QJsonObject{{QStringLiteral("body"), QString::fromLatin1(kReplies[m_rng.bounded(4u)])},
                                      {QStringLiteral("incoming"), true}});
            const int status = account.tickets.value(id).value(QStringLiteral("status")).toInt();
            if (status == 3 || status == 4)
                fields.insert(QStringLiteral("status"), 2); // a customer reply reopens the ticket
        }
        m_helpdesk->agentEdit(id, fields, agent);
    }
    ++m_edits;
    ++m_byKind[kind];
    return kind;
}

QJsonObject SandboxActivity::state() const
{
    QJsonObject byKind;
    for (auto it = m_byKind.cbegin(); it != m_byKind.cend(); ++it)
        byKind.insert(it.key(), it.value());
    return {{QStringLiteral("running"), isRunning()},
            {QStringLiteral("per_minute"), m_perMinute},
            {QStringLiteral("seed"), qint64(m_seed)},
            {QStringLiteral("edits"), m_edits},
            {QStringLiteral("by_kind"), byKind}};
}

} // namespace cb
