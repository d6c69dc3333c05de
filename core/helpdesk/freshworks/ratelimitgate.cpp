#include "ratelimitgate.h"

#include <QHash>
#include <QMutex>

namespace cb {

std::shared_ptr<RateLimitGate> RateLimitGate::forAccount(const QString &accountKey)
{
    // Weak references: a gate lives as long as a transport of its account does; the map holds one entry per
    // account ever seen in the process (a handful), pruned of expired ones on each lookup.
    static QMutex mutex;
    static QHash<QString, std::weak_ptr<RateLimitGate>> gates;
    QMutexLocker lock(&mutex);
    for (auto it = gates.begin(); it != gates.end();)
        it = it.value().expired() && it.key() != accountKey ? gates.erase(it) : std::next(it);
    if (auto existing = gates.value(accountKey).lock())
        return existing;
    auto gate = std::make_shared<RateLimitGate>();
    gates.insert(accountKey, gate);
    return gate;
}

qint64 RateLimitGate::waitMs(qint64 nowMs) const
{
    return std::max<qint64>(0, m_closedUntilMs.load() - nowMs);
}

void RateLimitGate::closeUntil(qint64 untilMs)
{
    qint64 current = m_closedUntilMs.load();
    while (untilMs > current && !m_closedUntilMs.compare_exchange_weak(current, untilMs)) {
    }
}

} // namespace cb
