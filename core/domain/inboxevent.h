#pragma once

#include "domain/syncvocabulary.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace cb {

// A webhook as received and committed, before processing. Headers are never stored.
struct InboxEvent
{
    qint64 id = 0;
    QString integrationId;
    QString eventKey;
    QDateTime receivedAt;
    QString remoteAddr;
    QByteArray body;
    QString contentType;
    InboxState state = InboxState::Pending;
    int attempts = 0;
    QString lastError;
    QDateTime lastAttemptAt;
    int coalesced = 0; // identical bodies folded into this event while it was pending
};

} // namespace cb
