#pragma once

#include <QString>

#include <atomic>
#include <memory>

namespace cb {

// One per helpdesk account (API host and key) in the process: after a 429 it stays closed until the Retry-After
// instant, and every request of that account, concurrent ones and other clients of the same account included,
// waits at it before it is sent. Thread-safe.
class RateLimitGate
{
public:
    // The gate of this account; the same object for every transport that talks to it.
    static std::shared_ptr<RateLimitGate> forAccount(const QString &accountKey);

    // Milliseconds until the gate opens (0: open).
    qint64 waitMs(qint64 nowMs) const;
    // Closed until `untilMs` (never shortened by a later, shorter Retry-After).
    void closeUntil(qint64 untilMs);
    qint64 closedUntilMs() const { return m_closedUntilMs.load(); }

private:
    std::atomic<qint64> m_closedUntilMs{0};
};

} // namespace cb
