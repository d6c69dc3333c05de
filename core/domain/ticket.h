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
};

} // namespace cb
