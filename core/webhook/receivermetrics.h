#pragma once

#include "helpdesk/helpdesktypes.h"

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QString>

#include <array>

namespace cb {

// The receiver's counters and its ack-latency histogram, rendered as Prometheus text (DESIGN.md §5.2 names).
class ReceiverMetrics
{
public:
    void received() { ++m_received; }
    void duplicate() { ++m_duplicates; }
    void rejected(const QString &reason) { ++m_rejected[reason]; }
    void ackLatency(double seconds);

    qint64 receivedCount() const { return m_received; }
    qint64 duplicateCount() const { return m_duplicates; }
    qint64 rejectedCount(const QString &reason) const { return m_rejected.value(reason); }

    struct Gauges
    {
        qint64 inboxPending = -1;
        qint64 outboxPending = -1;
        QHash<QString, ApiUsage> apiUsage; // by integration id
    };
    QByteArray render(const Gauges &gauges) const;

    static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

private:
    qint64 m_received = 0;
    qint64 m_duplicates = 0;
    QMap<QString, qint64> m_rejected;
    std::array<qint64, kBuckets.size()> m_bucketCounts{};
    qint64 m_ackCount = 0;
    double m_ackSum = 0;
};

} // namespace cb
