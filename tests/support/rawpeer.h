#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpSocket>

namespace cb::test {

// One raw HTTP client connection for tests of what QNetworkAccessManager will not send (half heads, pipelining,
// smuggling), optionally from a loopback alias (127.0.0.x: another client address on Linux). `greeting` is written
// once connected. The waits run the event loop (so a server in the same thread is served), bounded by a generous
// limit that is never an assertion about time.
class RawPeer final : public QObject
{
public:
    RawPeer(quint16 port, const QByteArray &greeting = {}, const QHostAddress &from = {});

    void send(const QByteArray &bytes);
    bool settled() const; // connected, or already closed
    bool closed() const;  // by either side
    const QByteArray &got() const;
    bool waitConnected();
    bool waitClosed();
    bool waitAnswers(int count); // or closed before
    bool waitFor(const QByteArray &text);
    // The status codes of the complete answer heads received so far, in order (each body skipped by its
    // Content-Length; an answer to HEAD has none, so send HEAD last).
    QList<int> answers() const;

    static constexpr int kWaitMs = 60'000;

private:
    QTcpSocket m_socket;
    QByteArray m_greeting;
    QByteArray m_got;
    bool m_ready = false;
    bool m_closed = false;
};

} // namespace cb::test
