#pragma once

#include "common/result.h"
#include "helpdesk/freshworks/ratelimitgate.h"
#include "helpdesk/helpdesktypes.h"

#include <QCoroTask>
#include <QUrl>

class QNetworkAccessManager;

namespace cb {

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const;
};

// Talks HTTP to one account of a Freshworks helpdesk (Freshdesk, Freshservice): Basic auth key:X, JSON, a transfer
// timeout on every call; after a 429 sends nothing of that account (concurrent requests and other transports of the
// account included: RateLimitGate) before the Retry-After instant; paces itself when X-RateLimit-Remaining runs low;
// retries 5xx, timeouts and dropped connections with exponential backoff and jitter (only idempotent requests),
// bounded; counts calls and credits.
class FreshworksTransport
{
public:
    struct Options
    {
        int timeoutMs = 30000;
        int maxAttempts = 4; // for 5xx, timeouts, dropped connections
        int max429Waits = 5;
        int backoffBaseMs = 500;
        int backoffMaxMs = 8000;
        int maxRetryAfterSeconds = 120; // a longer wait is returned as rate_limited instead
    };

    // `product` ("Freshdesk", "Freshservice") is how the error messages name the helpdesk.
    FreshworksTransport(QNetworkAccessManager *nam, QUrl apiBase, QByteArray apiKey, Options options,
                        QString product = QStringLiteral("Freshdesk"));

    // `path` is relative to the API base ("tickets/12") or an absolute URL on the same host (a Link header).
    QCoro::Task<Result<HttpAnswer>> send(QByteArray method, QUrl url, QByteArray body, QString endpoint,
                                         bool idempotent);
    QUrl url(const QString &path, const QList<QPair<QString, QString>> &query = {}) const;
    bool sameHost(const QUrl &url) const;
    const ApiUsage &usage() const { return m_usage; }
    const QUrl &apiBase() const { return m_base; }

    // One sentence per failure, with a stable code; never contains the key.
    Error errorFor(const HttpAnswer &answer, const QString &endpoint) const;
    const QString &product() const { return m_product; }

private:
    QCoro::Task<> pace();
    void record(const HttpAnswer &answer, const QString &endpoint);

    QNetworkAccessManager *m_nam;
    QUrl m_base;
    QByteArray m_authorization;
    Options m_options;
    QString m_product;
    ApiUsage m_usage;
    qint64 m_lastSentMs = 0;
    std::shared_ptr<RateLimitGate> m_gate;
};

} // namespace cb
