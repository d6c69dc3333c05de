#pragma once

#include <QDateTime>
#include <QString>

namespace cb {

// A webhook that could not be processed (webhook_inbox in state failed or dead), as the console lists it.
struct FailedEvent
{
    qint64 id = 0;
    QDateTime receivedAt;
    bool dead = false; // gave up (dead) rather than failed and waiting for a retry
    int attempts = 0;
    QString helpdeskDomain; // the integration's domain; empty when the integration is gone
    QString lastError;
};

} // namespace cb
