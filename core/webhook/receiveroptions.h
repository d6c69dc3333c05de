#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace cb {

// How the webhook receiver guards itself (DESIGN.md §4, §5.2 defaults).
struct ReceiverOptions
{
    qint64 maxBodyBytes = 1024 * 1024;
    double ratePerSecond = 100; // per client address; 0 = unlimited
    double burst = 1000;
    QList<QPair<QHostAddress, int>> allow; // CIDR subnets; empty = everyone
    int banAfterFailures = 20;             // failed authentications ...
    int banWindowSec = 60;                 // ... within this window ...
    int banSec = 600;                      // ... ban the client this long
    bool metricsLoopbackOnly = true;
    int groupCommitDelayMs = 0; // extra wait to grow a commit batch (0: whatever arrived meanwhile)
    int maxBatch = 512;

    // "10.0.0.0/8,127.0.0.1" → subnets; false with `error` set on a bad entry.
    bool parseAllowList(const QString &spec, QString *error);
};

} // namespace cb
