// HttpRequestParser: what the receiver's HTTP host accepts as a request head and what it refuses, and with which
// status (the raw-socket behaviour around it is in tst_receiverhardening and tst_httphost).
#include "http/httprequestparser.h"

#include <QtTest>

using namespace cb;
using State = HttpHeadParse::State;

namespace {
HttpHeadParse parse(const QByteArray &bytes, const HttpLimits &limits = {})
{
    return HttpRequestParser::parse(bytes, limits);
}

QByteArray withFields(int count)
{
    QByteArray head = "GET / HTTP/1.1\r\nHost: a\r\n";
    for (int i = 1; i < count; ++i)
        head += "X-" + QByteArray::number(i) + ": v\r\n";
    return head + "\r\n";
}
} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAHeadAndLeavesWhatFollows()
    {
        const QByteArray head = "\r\nPOST /api/x?a=b HTTP/1.1\r\nHost: casebridge:8780\r\nContent-Length: 2\r\n"
                                "X-Test:  spaced value \r\n\r\n";
        const HttpHeadParse p = parse(head + "{}GET / HTTP/1.1\r\n");
        QCOMPARE(p.state, State::Complete);
        QCOMPARE(p.headBytes, head.size()); // the leading empty line is skipped, the body and next request stay
        QCOMPARE(p.head.method, QByteArray("POST"));
        QCOMPARE(p.head.target, QByteArray("/api/x?a=b"));
        QCOMPARE(p.head.contentLength, 2);
        QCOMPARE(p.head.headers.size(), 3);
        QCOMPARE(p.head.headers.at(2), (QPair<QByteArray, QByteArray>("X-Test", "spaced value")));
        QVERIFY(p.head.keepAlive);
        QVERIFY(!p.head.expectsContinue);
    }

    void waitsForTheRestButNotForGarbage()
    {
        QCOMPARE(parse("GET / HTTP/1.1\r\nHost: a\r\n").state, State::Incomplete);
        QCOMPARE(parse("GET / HT").state, State::Incomplete);
        const HttpHeadParse garbage = parse("\x16\x03\x01 hello\r\nmore");
        QCOMPARE(garbage.state, State::Rejected);
        QCOMPARE(garbage.status, 400);
    }

    void headLimitsAnswer431()
    {
        HttpLimits limits;
        limits.maxHeadBytes = 1024;
        limits.maxHeaderFields = 10;
        // Over the size before the head even ends: no need to wait for the rest.
        const HttpHeadParse big = parse("GET / HTTP/1.1\r\nX: " + QByteArray(2000, 'a'), limits);
        QCOMPARE(big.state, State::Rejected);
        QCOMPARE(big.status, 431);
        QCOMPARE(parse(withFields(10), limits).state, State::Complete);
        QCOMPARE(parse(withFields(11), limits).status, 431);
        QCOMPARE(parse(withFields(11).chopped(2), limits).status, 431); // counted while still arriving
        QCOMPARE(parse(withFields(100)).state, State::Complete);        // the defaults: 100 fields, 16 KiB
        QCOMPARE(parse(withFields(101)).status, 431);
        QCOMPARE(parse("GET / HTTP/1.1\r\nHost: a\r\nX: " + QByteArray(16 * 1024, 'a') + "\r\n\r\n").status, 431);
    }

    void framingIsUnambiguous_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<int>("status");
        QTest::newRow("two lengths") << QByteArray("Content-Length: 1\r\nContent-Length: 1") << 400;
        QTest::newRow("list") << QByteArray("Content-Length: 1, 1") << 400;
        QTest::newRow("negative") << QByteArray("Content-Length: -1") << 400;
        QTest::newRow("plus") << QByteArray("Content-Length: +1") << 400;
        QTest::newRow("hex") << QByteArray("Content-Length: 0x1") << 400;
        QTest::newRow("empty") << QByteArray("Content-Length: ") << 400;
        QTest::newRow("huge") << QByteArray("Content-Length: 1234567890123456789") << 400;
        QTest::newRow("length and chunked") << QByteArray("Content-Length: 4\r\nTransfer-Encoding: chunked") << 400;
        QTest::newRow("chunked and length") << QByteArray("Transfer-Encoding: chunked\r\nContent-Length: 4") << 400;
        QTest::newRow("chunked only") << QByteArray("Transfer-Encoding: chunked") << 411;
        QTest::newRow("identity only") << QByteArray("Transfer-Encoding: identity") << 411;
        QTest::newRow("over the body limit") << QByteArray("Content-Length: 16777217") << 413;
        QTest::newRow("at the body limit") << QByteArray("Content-Length: 16777216") << 0;
        QTest::newRow("folded") << QByteArray("X-A: 1\r\n 2") << 400;
        QTest::newRow("space before colon") << QByteArray("Content-Length : 4") << 400;
        QTest::newRow("no colon") << QByteArray("Content-Length 4") << 400;
        QTest::newRow("control character") << QByteArray("X-A: a\x01z") << 400;
        QTest::newRow("bare CR") << QByteArray("X-A: a\rX-B: b") << 400;
        QTest::newRow("two hosts") << QByteArray("Host: b") << 400;
        QTest::newRow("other expectation") << QByteArray("Expect: something") << 417;
    }

    void framingIsUnambiguous()
    {
        QFETCH(QByteArray, fields);
        QFETCH(int, status);
        const HttpHeadParse p = parse("POST /x HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n\r\n");
        QCOMPARE(p.state, status ? State::Rejected : State::Complete);
        QCOMPARE(p.status, status);
    }

    void requestLine_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("status");
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a\r\n\r\n") << 400;
        QTest::newRow("absolute form") << QByteArray("GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
        QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
        QTest::newRow("no version") << QByteArray("GET /\r\nHost: a\r\n\r\n") << 400;
        QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: a\r\n\r\n") << 505;
        QTest::newRow("no host on 1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("host that is a path") << QByteArray("GET / HTTP/1.1\r\nHost: a/metrics?\r\n\r\n") << 400;
        QTest::newRow("host with user") << QByteArray("GET / HTTP/1.1\r\nHost: u@a\r\n\r\n") << 400;
        QTest::newRow("1.0 without host") << QByteArray("GET / HTTP/1.0\r\n\r\n") << 0;
        QTest::newRow("IPv6 host") << QByteArray("GET / HTTP/1.1\r\nHost: [::1]:8780\r\n\r\n") << 0;
    }

    void requestLine()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, status);
        const HttpHeadParse p = parse(head);
        QCOMPARE(p.state, status ? State::Rejected : State::Complete);
        QCOMPARE(p.status, status);
    }

    void keepAliveAndExpect()
    {
        QVERIFY(!parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, Close\r\n\r\n").head.keepAlive);
        QVERIFY(!parse("GET / HTTP/1.0\r\n\r\n").head.keepAlive);
        QVERIFY(parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").head.keepAlive);
        QVERIFY(parse("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\n")
                    .head.expectsContinue);
        QVERIFY(!parse("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n").head.expectsContinue);
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
