#pragma once

#include "helpdesk/builtinsandbox.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace cb {

// The data of one emulated Freshdesk account: tickets, conversations, agents, roles, groups, contacts,
// companies. Plain data; the HTTP rules live in SandboxHelpdesk.
class SandboxAccount
{
public:
    struct Conversation
    {
        QJsonObject json;
    };

    QString adminKey = BuiltInSandbox::adminKey();
    QString agentKey = BuiltInSandbox::agentKey(); // a working key of an agent who is not an admin
    qint64 adminId = 153022557183;
    qint64 agentId = 153022557184;
    QString supportEmail = QStringLiteral("support@sandbox.test");

    QMap<qint64, QJsonObject> tickets;      // by id
    QMap<qint64, QJsonArray> conversations; // by ticket id
    QMap<qint64, QJsonObject> contacts;     // by id
    QMap<qint64, QJsonObject> companies;    // by id
    QList<QJsonObject> groups;
    QList<QJsonObject> roles;
    QMap<qint64, QJsonObject> agents; // by id
    qint64 nextTicketId = 1;
    qint64 nextConversationId = 153075655125;

    SandboxAccount();
    // A deterministic account: `count` tickets over the last year, contacts with mixed phone formats, companies.
    void seed(int count, quint32 seed = 42, const QDateTime &now = QDateTime::currentDateTimeUtc());
    QJsonObject &createTicket(const QString &subject, const QString &requesterEmail, const QDateTime &createdAt);
    QJsonObject addConversation(qint64 ticketId, const QString &body, bool isPrivate, int source, qint64 userId,
                                const QDateTime &at);
    std::optional<qint64> agentForKey(const QString &key) const;

    // The plain text Freshdesk stores beside an HTML body (body_text, description_text): tags removed, a line
    // break as a space, entities decoded, outer white space trimmed.
    static QString textOf(const QString &html);
    static QString stamp(const QDateTime &t); // YYYY-MM-DDTHH:MM:SSZ
};

} // namespace cb
