#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace cb {

// Freshdesk's status and priority ids and the lower-case names the store and CLI use.
// Unknown status ids (custom statuses, >= 6) map to a label the account supplies, else "status-N".
class TicketVocabulary
{
public:
    TicketVocabulary();

    QString statusName(int statusId) const;
    std::optional<int> statusId(const QString &name) const;
    static QString priorityName(int priorityId);
    static std::optional<int> priorityId(const QString &name);

    // Custom statuses of an account (id >= 6), e.g. 6 -> "Waiting on Customer".
    void setCustomStatus(int id, const QString &label);

    // Accepts names ("Open", "waiting on customer") or ids ("2", "6"), as webhooks send them.
    std::optional<int> parseStatus(const QString &nameOrId) const;
    static std::optional<int> parsePriority(const QString &nameOrId);

private:
    QHash<int, QString> m_custom;
};

} // namespace cb
