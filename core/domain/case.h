#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace cb {

// A case in the local store: the workspace's own record, optionally linked to one helpdesk ticket.
struct Case
{
    qint64 id = 0;
    qint64 workspaceId = 1;
    QString integrationId;
    QString subject;
    QString description;
    QString status;   // lower-case name: open, pending, resolved, closed, or a custom status label
    QString priority; // low, medium, high, urgent
    std::optional<qint64> assigneeId;
    std::optional<qint64> groupId;
    std::optional<qint64> customerId;
    QString externalProvider; // "freshdesk"
    // The helpdesk account (its normalised domain). Empty: taken from the case's integration when it is written.
    QString externalAccount;
    std::optional<qint64> externalTicketId;
    QDateTime externalUpdatedAt;
    QJsonObject remoteState; // last known remote values, raw ids
    QDateTime createdAt;
    QDateTime updatedAt;
};

// The fields a change may touch, by column name. Values are QString for text fields and qint64 (or an
// invalid QVariant for "none") for ids.
namespace CaseField {
inline constexpr char Subject[] = "subject";
inline constexpr char Description[] = "description";
inline constexpr char Status[] = "status";
inline constexpr char Priority[] = "priority";
inline constexpr char AssigneeId[] = "assignee_id";
inline constexpr char GroupId[] = "group_id";
inline constexpr char CustomerId[] = "customer_id";
} // namespace CaseField

using CaseChanges = QVariantMap;

} // namespace cb
