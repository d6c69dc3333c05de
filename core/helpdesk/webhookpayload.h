#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace cb {

// A webhook body understood: whatever shape Freshdesk admins configured (Simple mode `freshdesk_webhook`,
// thin `{ticketId, triggered_event}`, flat custom JSON, form-encoded `freshdesk_webhook[...]`).
struct WebhookPayload
{
    std::optional<qint64> ticketId;
    QString event;         // created | updated | status_changed | priority_changed | note_added | unknown
    QJsonObject triggered; // the parsed triggered_event, e.g. {"status":{"from":4,"to":6}}
    std::optional<QString> explicitEventId; // event_id in the body (the X-Event-Id header is the receiver's)
    std::optional<QDateTime> updatedAt;

    // Ticket fields the body carried, normalised to Freshdesk API names and types:
    // status (int), priority (int), responder_id (int64|null), group_id (int64|null), subject, description,
    // requester_email, requester_name. Status/priority given as names are mapped to ids; unknown names are left out.
    QJsonObject fields;

    // A thin payload (no ticket fields, or no updated_at) means the ticket must be fetched.
    bool isThin() const { return fields.isEmpty() || !updatedAt.has_value(); }
};

} // namespace cb
