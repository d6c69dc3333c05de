#pragma once

#include "http/clientguardoptions.h"

#include <QHash>
#include <QHostAddress>
#include <QList>

namespace cb {

class Clock;

// Per-client bookkeeping of the receiver: the CIDR allowlist, a token-bucket rate limit, and a ban after repeated
// failed authentications. Keyed by the client's address; idle entries are pruned so a scan cannot grow it forever.
class ClientGuard
{
public:
    ClientGuard(const ClientGuardOptions &options, const Clock &clock);

    bool allowed(const QHostAddress &client) const;
    // Seconds left of a ban, 0 when not banned.
    int bannedFor(const QHostAddress &client);
    // Takes one token; returns 0 when the request may go on, else the seconds to wait (Retry-After).
    int takeToken(const QHostAddress &client);
    // A failed authentication; returns true when it got the client banned.
    bool recordAuthFailure(const QHostAddress &client);

private:
    struct Entry
    {
        double tokens = 0;
        qint64 refilledAtMs = 0;
        QList<qint64> failuresMs;
        qint64 bannedUntilMs = 0;
        qint64 lastSeenMs = 0;
    };
    Entry &entry(const QHostAddress &client, qint64 now);
    qint64 nowMs() const;

    const ClientGuardOptions &m_options;
    const Clock &m_clock;
    QHash<QString, Entry> m_clients;
};

} // namespace cb
