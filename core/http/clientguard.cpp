#include "clientguard.h"

#include "common/clock.h"

#include <cmath>

namespace cb {

namespace {
constexpr int kMaxClients = 20000;
constexpr qint64 kIdlePruneMs = 15 * 60 * 1000;
} // namespace

ClientGuard::ClientGuard(const ClientGuardOptions &options, const Clock &clock)
    : m_options(options)
    , m_clock(clock)
{}

qint64 ClientGuard::nowMs() const
{
    return m_clock.nowUtc().toMSecsSinceEpoch();
}

ClientGuard::Entry &ClientGuard::entry(const QHostAddress &client, qint64 now)
{
    if (m_clients.size() > kMaxClients) {
        for (auto it = m_clients.begin(); it != m_clients.end();) {
            if (now - it->lastSeenMs > kIdlePruneMs && it->bannedUntilMs < now)
                it = m_clients.erase(it);
            else
                ++it;
        }
    }
    const QString key = client.toString();
    auto it = m_clients.find(key);
    if (it == m_clients.end()) {
        Entry e;
        e.tokens = m_options.burst;
        e.refilledAtMs = now;
        it = m_clients.insert(key, e);
    }
    it->lastSeenMs = now;
    return *it;
}

bool ClientGuard::allowed(const QHostAddress &client) const
{
    if (m_options.allow.isEmpty())
        return true;
    // An IPv4 client may arrive as ::ffff:a.b.c.d on a dual-stack socket.
    bool mapped = false;
    const quint32 v4 = client.toIPv4Address(&mapped);
    const QHostAddress plain = mapped ? QHostAddress(v4) : client;
    for (const auto &subnet : m_options.allow)
        if (plain.isInSubnet(subnet) || client.isInSubnet(subnet))
            return true;
    return false;
}

int ClientGuard::bannedFor(const QHostAddress &client)
{
    const qint64 now = nowMs();
    auto it = m_clients.find(client.toString());
    if (it == m_clients.end() || it->bannedUntilMs <= now)
        return 0;
    return int((it->bannedUntilMs - now + 999) / 1000);
}

int ClientGuard::takeToken(const QHostAddress &client)
{
    if (m_options.ratePerSecond <= 0)
        return 0;
    const qint64 now = nowMs();
    Entry &e = entry(client, now);
    const double elapsed = double(now - e.refilledAtMs) / 1000.0;
    e.tokens = std::min(m_options.burst, e.tokens + elapsed * m_options.ratePerSecond);
    e.refilledAtMs = now;
    if (e.tokens >= 1.0) {
        e.tokens -= 1.0;
        return 0;
    }
    return std::max(1, int(std::ceil((1.0 - e.tokens) / m_options.ratePerSecond)));
}

bool ClientGuard::recordAuthFailure(const QHostAddress &client)
{
    if (m_options.banAfterFailures <= 0)
        return false;
    const qint64 now = nowMs();
    Entry &e = entry(client, now);
    const qint64 windowStart = now - qint64(m_options.banWindowSec) * 1000;
    while (!e.failuresMs.isEmpty() && e.failuresMs.constFirst() < windowStart)
        e.failuresMs.removeFirst();
    e.failuresMs.append(now);
    if (e.failuresMs.size() >= m_options.banAfterFailures) {
        e.bannedUntilMs = now + qint64(m_options.banSec) * 1000;
        e.failuresMs.clear();
        return true;
    }
    return false;
}

} // namespace cb
