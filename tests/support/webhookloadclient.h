#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

class QTcpSocket;

namespace cb::test {

// Sends unique webhooks to a receiver over N keep-alive HTTP/1.1 connections (raw sockets: QNetworkAccessManager
// keeps at most 6 per host), each waiting for its answer before the next request, optionally paced to a global
// rate. Records which events were acknowledged (2xx) and each acknowledgement's latency. The bodies are of one
// shape: "with-id" (flat JSON with an event_id), or what Freshdesk really sends, without event ids or updated_at:
// "thin" (the update rule `connect` prints, rendered), "simple" (Simple mode) or "flat" (custom flat JSON). Each
// names another ticket (ticketBase + n), so every body is a distinct event.
class WebhookLoadClient final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        quint16 port = 0;
        QString path;      // /api/webhooks/freshdesk/{id}
        QByteArray secret; // X-Casebridge-Webhook-Secret
        int connections = 16;
        int total = 0;         // 0: until stop()
        double ratePerSec = 0; // 0: as fast as answers come
        QString prefix = QStringLiteral("load");
        QString payload = QStringLiteral("with-id"); // with-id | thin | simple | flat
        qint64 ticketBase = 1000;
    };
    static QByteArray body(const QString &payload, qint64 ticketId, const QString &eventId);
    static bool knownPayload(const QString &payload);

    explicit WebhookLoadClient(Options options, QObject *parent = nullptr);
    ~WebhookLoadClient() override;

    void start();
    void stop();
    // Sends nothing new, lets the requests in flight get their answers, then finishes.
    void finish();
    bool running() const { return m_running; }

    int sent() const { return m_sent; }
    int acknowledged() const { return int(m_acked.size()); }
    int refused() const { return m_refused; }
    int connectionErrors() const { return m_errors; }
    const QSet<QString> &acknowledgedEventIds() const { return m_acked; }
    // Latencies in milliseconds of the acknowledged requests, sorted.
    QList<double> sortedLatenciesMs() const;
    static double percentile(const QList<double> &sorted, double p);
    double elapsedSeconds() const { return m_clock.elapsed() / 1000.0; }

Q_SIGNALS:
    void finished();

private:
    struct Connection
    {
        QTcpSocket *socket = nullptr;
        QByteArray buffer;
        QString eventId;
        qint64 sentAtNs = 0;
        bool busy = false;
    };
    void sendNext(Connection &c);
    void onReadable(Connection &c);
    void pump();
    void checkDone();

    Options m_options;
    QList<Connection *> m_connections;
    QTimer m_pacer;
    QElapsedTimer m_clock;
    double m_credit = 0;
    qint64 m_lastPumpNs = 0;
    int m_sent = 0;
    int m_refused = 0;
    int m_errors = 0;
    bool m_running = false;
    bool m_finishing = false;
    QSet<QString> m_acked;
    QList<double> m_latencies;
};

} // namespace cb::test
