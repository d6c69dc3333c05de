#include "receivermetrics.h"

#include <QTextStream>

namespace cb {

void ReceiverMetrics::ackLatency(double seconds)
{
    ++m_ackCount;
    m_ackSum += seconds;
    for (size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i])
            ++m_bucketCounts[i];
}

namespace {
QString label(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}
} // namespace

QByteArray ReceiverMetrics::render(const Gauges &g) const
{
    QString out;
    QTextStream s(&out);
    s << "# HELP casebridge_webhooks_received_total Webhooks accepted and committed (duplicates included).\n"
      << "# TYPE casebridge_webhooks_received_total counter\n"
      << "casebridge_webhooks_received_total " << m_received << '\n'
      << "# HELP casebridge_webhooks_duplicate_total Webhooks acknowledged as duplicates of a stored event.\n"
      << "# TYPE casebridge_webhooks_duplicate_total counter\n"
      << "casebridge_webhooks_duplicate_total " << m_duplicates << '\n'
      << "# HELP casebridge_webhooks_rejected_total Webhook requests refused, by reason.\n"
      << "# TYPE casebridge_webhooks_rejected_total counter\n";
    static const QStringList reasons = {QStringLiteral("unauthorized"),   QStringLiteral("forbidden"),
                                        QStringLiteral("banned"),         QStringLiteral("unknown_integration"),
                                        QStringLiteral("too_large"),      QStringLiteral("unsupported_media_type"),
                                        QStringLiteral("rate_limited"),   QStringLiteral("bad_payload"),
                                        QStringLiteral("storage_failed"), QStringLiteral("not_found")};
    QMap<QString, qint64> all = m_rejected;
    for (const QString &r : reasons)
        all.insert(r, m_rejected.value(r));
    for (auto it = all.constBegin(); it != all.constEnd(); ++it)
        s << "casebridge_webhooks_rejected_total{reason=" << label(it.key()) << "} " << it.value() << '\n';
    s << "# HELP casebridge_webhook_ack_seconds Time from request to acknowledgement (after commit).\n"
      << "# TYPE casebridge_webhook_ack_seconds histogram\n";
    for (size_t i = 0; i < kBuckets.size(); ++i)
        s << "casebridge_webhook_ack_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << m_bucketCounts[i] << '\n';
    s << "casebridge_webhook_ack_seconds_bucket{le=\"+Inf\"} " << m_ackCount << '\n'
      << "casebridge_webhook_ack_seconds_sum " << m_ackSum << '\n'
      << "casebridge_webhook_ack_seconds_count " << m_ackCount << '\n';
    if (g.inboxPending >= 0)
        s << "# HELP casebridge_inbox_pending Committed webhooks not yet processed.\n"
          << "# TYPE casebridge_inbox_pending gauge\n"
          << "casebridge_inbox_pending " << g.inboxPending << '\n';
    if (g.outboxPending >= 0)
        s << "# HELP casebridge_outbox_pending User changes waiting to be pushed.\n"
          << "# TYPE casebridge_outbox_pending gauge\n"
          << "casebridge_outbox_pending " << g.outboxPending << '\n';
    s << "# HELP casebridge_api_calls_total Helpdesk API calls made, by integration and endpoint.\n"
      << "# TYPE casebridge_api_calls_total counter\n";
    for (auto it = g.apiUsage.constBegin(); it != g.apiUsage.constEnd(); ++it)
        for (auto e = it->callsByEndpoint.constBegin(); e != it->callsByEndpoint.constEnd(); ++e)
            s << "casebridge_api_calls_total{integration=" << label(it.key()) << ",endpoint=" << label(e.key()) << "} "
              << e.value() << '\n';
    s << "# HELP casebridge_api_ratelimit_remaining X-RateLimit-Remaining of the last answer.\n"
      << "# TYPE casebridge_api_ratelimit_remaining gauge\n";
    for (auto it = g.apiUsage.constBegin(); it != g.apiUsage.constEnd(); ++it)
        if (it->rateLimitRemaining >= 0)
            s << "casebridge_api_ratelimit_remaining{integration=" << label(it.key()) << "} " << it->rateLimitRemaining
              << '\n';
    s.flush();
    return out.toUtf8();
}

} // namespace cb
