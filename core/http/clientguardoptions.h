#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace cb {

// How a listening host guards itself against one client (DESIGN.md §4, §5.5 defaults): a token bucket per client
// address, bans after repeated failed authentications, an optional allowlist.
struct ClientGuardOptions
{
    double ratePerSecond = 100; // per client address; 0 = unlimited
    double burst = 1000;
    QList<QPair<QHostAddress, int>> allow; // CIDR subnets; empty = everyone
    int banAfterFailures = 20;             // failed authentications ...
    int banWindowSec = 60;                 // ... within this window ...
    int banSec = 600;                      // ... ban the client this long

    // "10.0.0.0/8,127.0.0.1" → subnets; false with `error` set on a bad entry.
    bool parseAllowList(const QString &spec, QString *error);
};

} // namespace cb
