#include "httpconnection.h"

#include "http/httpresponsewriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <chrono>

namespace cb {

namespace {

qint64 steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

QByteArray errorCode(int status)
{
    switch (status) {
    case 408:
        return "timeout";
    case 411:
        return "length_required";
    case 413:
        return "too_large";
    case 417:
        return "expectation_failed";
    case 431:
        return "head_too_large";
    case 505:
        return "http_version";
    default:
        return "bad_request";
    }
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits, bool tls, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_tls(tls)
    , m_peer(socket->peerAddress())
{
    m_socket->setParent(this);
    // Bounded: while a request is being served nothing more is read, and the client's further bytes wait in the
    // kernel (backpressure) instead of in memory.
    m_socket->setReadBufferSize(m_limits.maxHeadBytes + 4096);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::handleTimeout);
    connect(m_socket, &QIODevice::readyRead, this, &HttpConnection::readMore);
    connect(m_socket, &QIODevice::bytesWritten, this, &HttpConnection::handleWritten);
    connect(m_socket, &QAbstractSocket::disconnected, this, &HttpConnection::gone);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this] {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            gone();
    });
    enter(Phase::Head, m_limits.headTimeoutMs);
}

HttpConnection::~HttpConnection() = default;

HttpConnection::Phase HttpConnection::phase() const
{
    return m_phase;
}

qint64 HttpConnection::phaseSince() const
{
    return m_since;
}

QHostAddress HttpConnection::peer() const
{
    return m_peer;
}

void HttpConnection::enter(Phase phase, int timeoutMs)
{
    m_phase = phase;
    m_since = steadyMs();
    if (timeoutMs > 0)
        m_timer.start(timeoutMs);
    else
        m_timer.stop();
}

int HttpConnection::timeoutForBytes(qint64 bytes) const
{
    return m_limits.bodyTimeoutMs + int(bytes / std::max<qint64>(1, m_limits.bodyBytesPerSecond)) * 1000;
}

void HttpConnection::readMore()
{
    if (m_gone)
        return;
    if (m_phase == Phase::Closing) {
        m_socket->readAll(); // read and discard, so closing does not reset the answer away
        return;
    }
    if (m_phase == Phase::Busy || m_phase == Phase::Writing)
        return; // one request at a time: the next one waits until this one is answered
    const QByteArray chunk = m_socket->readAll();
    m_buffer += chunk;
    // A head can only end, or break a limit, with a new line or past the size limit: a trickle is not re-parsed.
    if (m_phase == Phase::Head && !chunk.contains('\n') && m_buffer.size() <= m_limits.maxHeadBytes)
        return;
    process();
}

void HttpConnection::process()
{
    if (m_phase == Phase::Idle) {
        if (m_buffer.isEmpty())
            return;
        enter(Phase::Head, m_limits.headTimeoutMs); // the head's deadline runs from its first byte
    }
    if (m_phase == Phase::Head) {
        const HttpHeadParse parsed = HttpRequestParser::parse(m_buffer, m_limits);
        if (parsed.state == HttpHeadParse::State::Incomplete)
            return;
        if (parsed.state == HttpHeadParse::State::Rejected) {
            reject(parsed.status, parsed.message);
            return;
        }
        m_buffer.remove(0, parsed.headBytes);
        if (!startBody(parsed.head))
            return;
    }
    if (m_phase == Phase::Body && m_buffer.size() >= m_head.contentLength) {
        const QByteArray body = m_buffer.left(m_head.contentLength);
        m_buffer.remove(0, m_head.contentLength);
        enter(Phase::Busy, 0);
        Q_EMIT requestReady(request(body));
    }
}

bool HttpConnection::startBody(const HttpRequestHead &head)
{
    const QByteArray host = [&] {
        for (const auto &h : head.headers)
            if (h.first.compare("host", Qt::CaseInsensitive) == 0)
                return h.second;
        return QByteArray("127.0.0.1");
    }();
    m_url = QUrl::fromEncoded((m_tls ? "https://" : "http://") + host + head.target, QUrl::StrictMode);
    if (!m_url.isValid()) {
        reject(400, "The request target or Host is not a valid URL.");
        return false;
    }
    m_head = head;
    if (m_head.expectsContinue && m_head.contentLength > m_buffer.size())
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    enter(Phase::Body, timeoutForBytes(m_head.contentLength));
    return true;
}

HttpRequest HttpConnection::request(QByteArray body) const
{
    HttpRequest out;
    out.method = m_head.method;
    out.url = m_url;
    out.path = m_url.path();
    out.query = QUrlQuery(m_url);
    out.headers = m_head.headers;
    out.body = std::move(body);
    out.remoteAddress = m_peer;
    return out;
}

void HttpConnection::respond(const HttpResponse &answer)
{
    if (m_gone || m_phase != Phase::Busy)
        return;
    if (answer.dropsConnection()) {
        shed();
        return;
    }
    const bool close = !m_head.keepAlive || m_stopping;
    const auto connection = close                      ? HttpResponseWriter::Connection::Close
                            : m_head.minorVersion == 0 ? HttpResponseWriter::Connection::KeepAliveHttp10
                                                       : HttpResponseWriter::Connection::KeepAlive;
    const QByteArray bytes = HttpResponseWriter::write(answer, m_head.method == "HEAD", connection);
    m_socket->write(bytes);
    if (close) {
        enter(Phase::Closing, timeoutForBytes(bytes.size()));
        m_socket->disconnectFromHost(); // after the answer is written
        return;
    }
    enter(Phase::Writing, timeoutForBytes(bytes.size()));
    if (m_socket->bytesToWrite() == 0)
        handleWritten();
}

void HttpConnection::handleWritten()
{
    if (m_gone || m_phase != Phase::Writing || m_socket->bytesToWrite() > 0)
        return;
    if (m_stopping) {
        enter(Phase::Closing, m_limits.lingerMs);
        m_socket->disconnectFromHost();
        return;
    }
    enter(Phase::Idle, m_limits.idleTimeoutMs);
    // What the client sent meanwhile (pipelined) is read now, in order.
    m_buffer += m_socket->readAll();
    process();
}

void HttpConnection::handleTimeout()
{
    switch (m_phase) {
    case Phase::Head:
        if (m_buffer.isEmpty()) {
            m_socket->abort(); // connected and said nothing
            gone();
        } else {
            answerAndClose(408, "The request head did not arrive in time.", false);
        }
        return;
    case Phase::Body:
        answerAndClose(408, "The request body did not arrive in time.", false);
        return;
    case Phase::Idle:
        m_socket->disconnectFromHost();
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            enter(Phase::Closing, m_limits.lingerMs);
        return;
    case Phase::Busy:
        return;
    case Phase::Writing:
    case Phase::Closing:
        shed(); // the client does not take its answer, or does not go away
        return;
    }
}

void HttpConnection::reject(int status, const QByteArray &message)
{
    answerAndClose(status, message, true);
}

void HttpConnection::answerAndClose(int status, const QByteArray &message, bool linger)
{
    const QJsonObject body{{QStringLiteral("error"), QString::fromLatin1(errorCode(status))},
                           {QStringLiteral("message"), QString::fromLatin1(message)}};
    m_socket->write(
        HttpResponseWriter::write(HttpResponse::json(status, body), false, HttpResponseWriter::Connection::Close));
    m_buffer.clear();
    enter(Phase::Closing, m_limits.lingerMs);
    if (linger)
        m_socket->readAll(); // the rest of what it sent is read and dropped until the linger ends
    else
        m_socket->disconnectFromHost();
}

void HttpConnection::shed()
{
    if (m_gone)
        return;
    m_socket->abort();
    gone();
}

void HttpConnection::closeWhenDone()
{
    m_stopping = true;
    if (m_phase == Phase::Idle || (m_phase == Phase::Head && m_buffer.isEmpty()))
        shed();
}

void HttpConnection::gone()
{
    if (m_gone)
        return;
    m_gone = true;
    m_timer.stop();
    m_phase = Phase::Closing;
    Q_EMIT finished();
    deleteLater();
}

} // namespace cb
