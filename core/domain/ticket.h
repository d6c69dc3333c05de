#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace cb {

// A helpdesk ticket, normalised from the provider's JSON. Ids are 64-bit.
struct Ticket
{
    qint64 id = 0;
    QString subject;
    QString descriptionHtml;
    QString descriptionText;
    int status = 2;
    int priority = 1;
    int source = 0;
    std::optional<qint64> responderId;
    std::optional<qint64> groupId;
    std::optional<qint64> requesterId;
    std::optional<qint64> companyId;
    QString requesterName;
    QString requesterEmail;
    QString requesterPhone;
    QString requesterMobile;
    QStringList tags;
    bool spam = false;
    bool deleted = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    QJsonObject raw;
    // Where the ticket came from, in provider-neutral words (email, portal, phone, chat, feedback_widget,
    // outbound_email, slack, …; "source-N" for a code the provider table does not know). `source` stays raw.
    QString channel;
    // Fields only this provider has, kept under their API names (Freshservice: urgency, impact, department_id,
    // category, sub_category, item_category, requested_for_id, workspace_id). They ride along in remote state.
    QJsonObject providerFields;
};

} // namespace cb
