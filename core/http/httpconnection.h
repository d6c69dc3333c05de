#pragma once

#include "http/httplimits.h"
#include "http/httpmessage.h"
#include "http/httprequestparser.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUrl>

class QTcpSocket;

namespace cb {

// One client connection of HttpHost, strictly one request at a time: the next request is not read until the
// current one is answered and its answer taken by the client, so answers leave in request order. Every phase but
// the handler's own work has a deadline (HttpLimits); an error answer closes the connection and serves nothing
// after it. Owns its socket; deletes itself once the socket is gone.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    enum class Phase
    {
        Head,    // waiting for (the rest of) a request head; also a TLS handshake
        Body,    // reading the announced body
        Busy,    // the handler is working on the request; never shed
        Writing, // the answer is on its way to the client
        Idle,    // keep-alive, nothing asked
        Closing, // error answered or timed out; closing
    };

    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, bool tls, QObject *parent);
    ~HttpConnection() override;

    Phase phase() const;
    // When the current phase began (steady clock, ms): the oldest unfinished phase is the slowest client.
    qint64 phaseSince() const;
    QHostAddress peer() const;

    // The answer to the request last announced by requestReady; ignored when there is none.
    void respond(const HttpResponse &answer);
    // Closes at once (connection caps).
    void shed();
    // The server is stopping: close now when nothing is asked, after the answer in flight otherwise.
    void closeWhenDone();

Q_SIGNALS:
    void requestReady(cb::HttpRequest request);
    void finished();

private:
    void enter(Phase phase, int timeoutMs);
    void readMore();
    void process();
    bool startBody(const HttpRequestHead &head);
    void handleWritten();
    void handleTimeout();
    void reject(int status, const QByteArray &message);
    void answerAndClose(int status, const QByteArray &message, bool linger);
    void gone();
    HttpRequest request(QByteArray body) const;
    int timeoutForBytes(qint64 bytes) const;

    QTcpSocket *m_socket;
    const HttpLimits m_limits;
    const bool m_tls;
    const QHostAddress m_peer;
    Phase m_phase = Phase::Head;
    qint64 m_since = 0;
    QTimer m_timer;
    QByteArray m_buffer;
    HttpRequestHead m_head;
    QUrl m_url;
    bool m_stopping = false;
    bool m_gone = false;
};

} // namespace cb
