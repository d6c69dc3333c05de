#include "webhookloadclient.h"

#include <QStringList>
#include <QTcpSocket>

#include <algorithm>

namespace cb::test {

WebhookLoadClient::WebhookLoadClient(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_pacer.setInterval(1);
    connect(&m_pacer, &QTimer::timeout, this, &WebhookLoadClient::pump);
}

WebhookLoadClient::~WebhookLoadClient()
{
    qDeleteAll(m_connections);
}

void WebhookLoadClient::start()
{
    m_running = true;
    m_clock.start();
    m_lastPumpNs = 0;
    for (int i = 0; i < m_options.connections; ++i) {
        auto *c = new Connection;
        c->socket = new QTcpSocket(this);
        m_connections << c;
        connect(c->socket, &QTcpSocket::readyRead, this, [this, c] { onReadable(*c); });
        connect(c->socket, &QTcpSocket::errorOccurred, this, [this, c] {
            if (c->busy)
                ++m_errors;
            c->busy = false;
            checkDone();
        });
        connect(c->socket, &QTcpSocket::connected, this, [this, c] {
            c->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            if (m_options.ratePerSec <= 0)
                sendNext(*c);
        });
        c->socket->connectToHost(QHostAddress::LocalHost, m_options.port);
    }
    if (m_options.ratePerSec > 0)
        m_pacer.start();
}

void WebhookLoadClient::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_pacer.stop();
    for (Connection *c : std::as_const(m_connections))
        c->socket->abort();
    Q_EMIT finished();
}

void WebhookLoadClient::finish()
{
    m_finishing = true;
    m_pacer.stop();
    for (Connection *c : std::as_const(m_connections))
        if (c->busy)
            return; // checkDone() stops once the last answer is in
    stop();
}

void WebhookLoadClient::pump()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_credit = std::min(m_credit + double(now - m_lastPumpNs) / 1e9 * m_options.ratePerSec, 50.0);
    m_lastPumpNs = now;
    for (Connection *c : std::as_const(m_connections)) {
        if (m_credit < 1.0)
            break;
        if (!c->busy) {
            m_credit -= 1.0;
            sendNext(*c);
        }
    }
}

void WebhookLoadClient::sendNext(Connection &c)
{
    if (!m_running || m_finishing || c.busy || (m_options.total > 0 && m_sent >= m_options.total) ||
        c.socket->state() != QAbstractSocket::ConnectedState)
        return;
    c.eventId = m_options.prefix + QLatin1Char('-') + QString::number(m_sent);
    const qint64 ticket = m_options.payload == QLatin1String("with-id") ? m_options.ticketBase + m_sent % 5000
                                                                        : m_options.ticketBase + m_sent;
    const QByteArray body = WebhookLoadClient::body(m_options.payload, ticket, c.eventId);
    const QByteArray request = "POST " + m_options.path.toUtf8() +
                               " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "X-Casebridge-Webhook-Secret: " +
                               m_options.secret + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                               "\r\n\r\n" + body;
    ++m_sent;
    c.busy = true;
    c.buffer.clear();
    c.sentAtNs = m_clock.nsecsElapsed();
    c.socket->write(request);
}

bool WebhookLoadClient::knownPayload(const QString &payload)
{
    return QStringList{QStringLiteral("with-id"), QStringLiteral("thin"), QStringLiteral("simple"),
                       QStringLiteral("flat")}
        .contains(payload);
}

QByteArray WebhookLoadClient::body(const QString &payload, qint64 ticketId, const QString &eventId)
{
    const QByteArray id = QByteArray::number(ticketId);
    if (payload == QLatin1String("thin")) // the printed update rule, as Freshdesk renders it
        return "{\"ticket_id\": \"" + id +
               "\", \"event\": \"updated\", \"triggered_event\": \"{status:{from:2,to:3}}\", \"status\": "
               "\"Pending\", \"priority\": \"Low\", \"agent_email\": \"alex@example.com\", \"group\": \"Support\"}";
    if (payload == QLatin1String("simple"))
        return "{\"freshdesk_webhook\":{\"ticket_id\":\"" + id +
               "\",\"ticket_subject\":\"Printer on floor 3 is jammed\",\"ticket_description\":\"<div>It jams on "
               "every page.</div>\",\"ticket_status\":\"Pending\",\"ticket_priority\":\"Low\","
               "\"triggered_event\":\"{status:{from:2,to:3}}\"}}";
    if (payload == QLatin1String("flat"))
        return "{\"ticket_id\":" + id +
               ",\"event\":\"updated\",\"status\":3,\"priority\":1,\"responder_id\":null,\"group_id\":null,"
               "\"subject\":\"Printer on floor 3 is jammed\"}";
    return "{\"ticket_id\":" + id + ",\"event\":\"updated\",\"event_id\":\"" + eventId.toUtf8() +
           "\",\"status\":\"Open\"}";
}

void WebhookLoadClient::onReadable(Connection &c)
{
    c.buffer += c.socket->readAll();
    const qsizetype end = c.buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QByteArray head = c.buffer.left(end).toLower();
    qsizetype length = 0;
    if (const qsizetype at = head.indexOf("content-length:"); at >= 0) {
        const qsizetype eol = head.indexOf("\r\n", at);
        length = head.mid(at + 15, eol < 0 ? -1 : eol - at - 15).trimmed().toLongLong();
    }
    if (c.buffer.size() < end + 4 + length)
        return;
    const int status = c.buffer.mid(9, 3).toInt();
    c.buffer.remove(0, end + 4 + length);
    c.busy = false;
    if (status >= 200 && status < 300) {
        m_acked.insert(c.eventId);
        m_latencies << double(m_clock.nsecsElapsed() - c.sentAtNs) / 1e6;
    } else {
        ++m_refused;
    }
    if (m_options.ratePerSec <= 0)
        sendNext(c);
    checkDone();
}

void WebhookLoadClient::checkDone()
{
    if (!m_running || (!m_finishing && (m_options.total <= 0 || m_sent < m_options.total)))
        return;
    for (Connection *c : std::as_const(m_connections))
        if (c->busy)
            return;
    stop();
}

QList<double> WebhookLoadClient::sortedLatenciesMs() const
{
    QList<double> l = m_latencies;
    std::sort(l.begin(), l.end());
    return l;
}

double WebhookLoadClient::percentile(const QList<double> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const qsizetype i = std::min(sorted.size() - 1, qsizetype(p / 100.0 * double(sorted.size())));
    return sorted.at(i);
}

} // namespace cb::test
