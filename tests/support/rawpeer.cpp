#include "rawpeer.h"

#include <QTest>

namespace cb::test {

RawPeer::RawPeer(quint16 port, const QByteArray &greeting, const QHostAddress &from)
    : m_greeting(greeting)
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        if (!m_greeting.isEmpty())
            m_socket.write(m_greeting);
        m_ready = true;
    });
    connect(&m_socket, &QIODevice::readyRead, this, [this] { m_got += m_socket.readAll(); });
    connect(&m_socket, &QAbstractSocket::stateChanged, this, [this](QAbstractSocket::SocketState s) {
        if (s != QAbstractSocket::UnconnectedState)
            return;
        if (m_socket.isOpen())
            m_got += m_socket.readAll();
        m_closed = true;
    });
    if (!from.isNull())
        m_socket.bind(from, 0);
    m_socket.connectToHost(QHostAddress(QStringLiteral("127.0.0.1")), port);
}

void RawPeer::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
}

bool RawPeer::settled() const
{
    return m_ready || m_closed;
}

bool RawPeer::closed() const
{
    return m_closed;
}

const QByteArray &RawPeer::got() const
{
    return m_got;
}

bool RawPeer::waitConnected()
{
    return QTest::qWaitFor([this] { return settled(); }, kWaitMs) && m_ready;
}

bool RawPeer::waitClosed()
{
    return QTest::qWaitFor([this] { return m_closed; }, kWaitMs);
}

bool RawPeer::waitAnswers(int count)
{
    return QTest::qWaitFor([this, count] { return answers().size() >= count || m_closed; }, kWaitMs);
}

bool RawPeer::waitFor(const QByteArray &text)
{
    return QTest::qWaitFor([this, &text] { return m_got.contains(text) || m_closed; }, kWaitMs) && m_got.contains(text);
}

QList<int> RawPeer::answers() const
{
    // Answer by answer: status line, head, then as many body bytes as its Content-Length says.
    QList<int> out;
    qsizetype at = 0;
    while (m_got.mid(at).startsWith("HTTP/1.1 ")) {
        const qsizetype end = m_got.indexOf("\r\n\r\n", at);
        if (end < 0)
            break;
        const int status = m_got.mid(at + 9, 3).toInt();
        out.append(status);
        qint64 length = 0;
        const QByteArray head = m_got.mid(at, end - at).toLower();
        if (const qsizetype cl = head.indexOf("\r\ncontent-length:"); cl >= 0)
            length = head.mid(cl + 17, head.indexOf("\r\n", cl + 2) - cl - 17).trimmed().toLongLong();
        at = end + 4 + length;
    }
    return out;
}

} // namespace cb::test
