#include "freshworkstransport.h"

#include "common/logging.h"
#include "helpdesk/freshdesk/freshdeskjson.h"

#include <QCoreApplication>
#include <QCoroNetworkReply>
#include <QCoroTimer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <chrono>

namespace cb {

QByteArray HttpAnswer::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

FreshworksTransport::FreshworksTransport(QNetworkAccessManager *nam, QUrl apiBase, QByteArray apiKey, Options options,
                                         QString product)
    : m_nam(nam)
    , m_base(std::move(apiBase))
    , m_authorization("Basic " + QByteArray(apiKey + ":X").toBase64())
    , m_options(options)
    , m_product(std::move(product))
    , m_gate(RateLimitGate::forAccount(
          m_base.toString(QUrl::RemovePath | QUrl::RemoveQuery) + QLatin1Char(' ') +
          QString::fromLatin1(QCryptographicHash::hash(apiKey, QCryptographicHash::Sha256).toHex())))
{}

QUrl FreshworksTransport::url(const QString &path, const QList<QPair<QString, QString>> &query) const
{
    QUrl u = m_base.resolved(QUrl(path));
    if (!query.isEmpty()) {
        QUrlQuery q;
        for (const auto &item : query)
            q.addQueryItem(item.first, QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
        u.setQuery(q.query(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    return u;
}

bool FreshworksTransport::sameHost(const QUrl &url) const
{
    return url.host().compare(m_base.host(), Qt::CaseInsensitive) == 0 && url.port() == m_base.port() &&
           url.scheme() == m_base.scheme();
}

Error FreshworksTransport::errorFor(const HttpAnswer &a, const QString &endpoint) const
{
    const QJsonObject body = QJsonDocument::fromJson(a.body).object();
    const QString code = body.value(QStringLiteral("code")).toString();
    Error e;
    e.httpStatus = a.status;
    e.detail = QStringLiteral("%1 answered HTTP %2").arg(endpoint).arg(a.status);
    switch (a.status) {
    case 400:
    case 409:
        e.kind = Error::Kind::Usage;
        e.code = QStringLiteral("validation_failed");
        e.message = QCoreApplication::translate("cb::CoreMessages", "%1 rejected the request: %2.")
                        .arg(m_product, FreshdeskJson::validationSummary(body));
        break;
    case 401:
        e.kind = Error::Kind::Auth;
        e.code = QStringLiteral("invalid_credentials");
        e.message = QCoreApplication::translate("cb::CoreMessages",
                                                "%1 rejected the API key; copy it again from your %1 profile settings.")
                        .arg(m_product);
        break;
    case 402:
    case 403:
        e.kind = Error::Kind::Auth;
        if (code == QLatin1String("require_feature") || code == QLatin1String("account_suspended") || a.status == 402) {
            e.code = QStringLiteral("plan_without_api");
            e.message = QCoreApplication::translate(
                            "cb::CoreMessages", "This %1 plan or account does not allow API access; upgrade the plan "
                                                "or reactivate the account.")
                            .arg(m_product);
        } else {
            e.code = QStringLiteral("access_denied");
            e.message = QCoreApplication::translate(
                            "cb::CoreMessages", "%1 refused this action for the key's agent; use an administrator's "
                                                "API key.")
                            .arg(m_product);
        }
        break;
    case 404:
        e.kind = Error::Kind::NotFound;
        e.code = QStringLiteral("not_found");
        e.message =
            QCoreApplication::translate("cb::CoreMessages", "%1 has no such item (%2).").arg(m_product, endpoint);
        break;
    case 429:
        e.kind = Error::Kind::RateLimited;
        e.code = QStringLiteral("rate_limited");
        e.retryAfterSeconds = a.header("Retry-After").toInt();
        e.message =
            QCoreApplication::translate("cb::CoreMessages", "%1's API limit is used up; Casebridge retries after %2 s.")
                .arg(m_product)
                .arg(e.retryAfterSeconds);
        break;
    default:
        e.kind = a.status >= 500 ? Error::Kind::Unavailable : Error::Kind::Internal;
        e.code = QStringLiteral("server_error");
        e.message = QCoreApplication::translate("cb::CoreMessages",
                                                "%1 answered with an error (HTTP %2); Casebridge will retry later.")
                        .arg(m_product)
                        .arg(a.status);
    }
    return e;
}

void FreshworksTransport::record(const HttpAnswer &a, const QString &endpoint)
{
    const int credits = std::max(1, a.header("X-RateLimit-Used-CurrentRequest").toInt());
    m_usage.callsByEndpoint[endpoint] += 1;
    m_usage.creditsByEndpoint[endpoint] += credits;
    m_usage.totalCalls += 1;
    m_usage.totalCredits += credits;
    bool ok = false;
    const int total = a.header("X-RateLimit-Total").toInt(&ok);
    if (ok)
        m_usage.rateLimitTotal = total;
    const int remaining = a.header("X-RateLimit-Remaining").toInt(&ok);
    if (ok)
        m_usage.rateLimitRemaining = remaining;
}

QCoro::Task<> FreshworksTransport::pace()
{
    // When the budget runs low, spread what is left over the rest of the (per-minute) window instead of
    // running into 429s.
    const int total = m_usage.rateLimitTotal;
    const int remaining = m_usage.rateLimitRemaining;
    if (total > 0 && remaining >= 0 && remaining < std::max(2, total / 10)) {
        // A smoothing aid only (a 429's Retry-After is the exact rule), so never more than a second apart.
        const qint64 spacing = std::min<qint64>(1000, 60000 / std::max(1, total) * (remaining < 2 ? 4 : 1));
        const qint64 wait = m_lastSentMs + spacing - QDateTime::currentMSecsSinceEpoch();
        if (wait > 0)
            co_await QCoro::sleepFor(std::chrono::milliseconds(wait));
    }
}

QCoro::Task<Result<HttpAnswer>> FreshworksTransport::send(QByteArray method, QUrl url, QByteArray body,
                                                          QString endpoint, bool idempotent)
{
    int attempt = 0;
    int waits429 = 0;
    for (;;) {
        ++attempt;
        co_await pace();
        // The account's gate: closed after a 429 until its Retry-After instant, for every request of the account.
        // A wait longer than the client accepts is answered at once, as the 429 it would meet, without sending.
        for (qint64 wait = m_gate->waitMs(QDateTime::currentMSecsSinceEpoch()); wait > 0;
             wait = m_gate->waitMs(QDateTime::currentMSecsSinceEpoch())) {
            if (wait > qint64(m_options.maxRetryAfterSeconds) * 1000) {
                HttpAnswer closed;
                closed.status = 429;
                closed.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number((wait + 999) / 1000)});
                co_return errorFor(closed, endpoint);
            }
            co_await QCoro::sleepFor(std::chrono::milliseconds(wait));
        }
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", m_authorization);
        req.setRawHeader("Accept", "application/json");
        req.setRawHeader("User-Agent", "Casebridge/" CASEBRIDGE_VERSION);
        if (!body.isNull())
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setTransferTimeout(m_options.timeoutMs);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        m_lastSentMs = QDateTime::currentMSecsSinceEpoch();
        QNetworkReply *reply = co_await m_nam->sendCustomRequest(req, method, body);
        HttpAnswer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        for (const auto &h : reply->rawHeaderPairs())
            a.headers.append({h.first, h.second});
        const QNetworkReply::NetworkError netError = reply->error();
        const QString netText = reply->errorString();
        reply->deleteLater();

        if (a.status == 0) {
            // No HTTP answer at all: refused, unknown host, timed out or dropped.
            Error e;
            e.kind = Error::Kind::Unavailable;
            e.detail = QStringLiteral("%1: %2").arg(endpoint, netText);
            if (netError == QNetworkReply::OperationCanceledError || netError == QNetworkReply::TimeoutError) {
                e.code = QStringLiteral("timeout");
                e.message = QCoreApplication::translate("cb::CoreMessages",
                                                        "%1 did not answer within %2 s; Casebridge will retry later.")
                                .arg(m_product)
                                .arg(m_options.timeoutMs / 1000);
            } else if (netError == QNetworkReply::HostNotFoundError ||
                       netError == QNetworkReply::ConnectionRefusedError) {
                e.code = QStringLiteral("unreachable");
                e.message = QCoreApplication::translate("cb::CoreMessages",
                                                        "%1 cannot be reached; check the domain and your network.")
                                .arg(m_base.host());
            } else {
                e.code = QStringLiteral("connection_lost");
                e.message = QCoreApplication::translate(
                                "cb::CoreMessages", "The connection to %1 failed (%2); Casebridge will retry later.")
                                .arg(m_product, netText);
            }
            const bool retriable = e.code != QLatin1String("unreachable") || attempt == 1;
            if (idempotent && retriable && attempt < m_options.maxAttempts) {
                const int backoff = std::min(m_options.backoffMaxMs, m_options.backoffBaseMs << (attempt - 1));
                co_await QCoro::sleepFor(
                    std::chrono::milliseconds(backoff + QRandomGenerator::global()->bounded(backoff / 2 + 1)));
                continue;
            }
            co_return e;
        }
        record(a, endpoint);
        if (a.status >= 200 && a.status < 300)
            co_return a;
        Error e = errorFor(a, endpoint);
        if (a.status == 429) {
            m_gate->closeUntil(QDateTime::currentMSecsSinceEpoch() + qint64(std::max(1, e.retryAfterSeconds)) * 1000);
            m_usage.rateLimitRemaining = 0;
        }
        if (a.status == 429 && waits429 < m_options.max429Waits && e.retryAfterSeconds >= 0 &&
            e.retryAfterSeconds <= m_options.maxRetryAfterSeconds) {
            ++waits429;
            qCInfo(lcHelpdesk) << "rate limited; waiting" << e.retryAfterSeconds << "s as asked";
            continue; // the gate holds this request, and every other of the account, until the instant
        }
        if (a.status >= 500 && idempotent && attempt < m_options.maxAttempts) {
            const int backoff = std::min(m_options.backoffMaxMs, m_options.backoffBaseMs << (attempt - 1));
            co_await QCoro::sleepFor(
                std::chrono::milliseconds(backoff + QRandomGenerator::global()->bounded(backoff / 2 + 1)));
            continue;
        }
        co_return e;
    }
}

} // namespace cb
