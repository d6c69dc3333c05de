#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace cb {

// A push to the helpdesk that gave up (outbox in state dead), as the console lists it.
struct FailedPush
{
    qint64 id = 0;
    qint64 caseId = 0;
    std::optional<qint64> ticketId; // the case's ticket; none while the case has none
    QString helpdeskDomain;         // the integration's domain; empty when the integration is gone
    QString op;                     // what was pushed (the outbox's op)
    QJsonObject fields;             // the changed fields of an update (payload.fields); empty for other ops
    int attempts = 0;
    QDateTime gaveUpAt; // when the outbox row last changed
    QString lastError;  // the helpdesk's answer
};

} // namespace cb
