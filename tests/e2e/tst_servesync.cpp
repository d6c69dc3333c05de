// Two-way sync end to end, every piece a real process over real HTTP: the sandbox helpdesk
// (`casebridge-sync sandbox`, driven through its /_sandbox/ control API), `casebridge-sync serve` on a SQLite file,
// and the CLI for connect, import, edit, comment and reconcile (DESIGN.md §3, issue 5).
#include "clirunner.h"
#include "serveprocess.h"
#include "tempstore.h"

#include <QCoroNetworkReply>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

using namespace cb;
using namespace cb::test;

namespace {
QCoro::Task<QJsonDocument> call(QNetworkAccessManager *nam, QByteArray method, QUrl url, QByteArray body,
                                QByteArray authorization)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!authorization.isEmpty())
        req.setRawHeader("Authorization", authorization);
    QNetworkReply *reply = co_await nam->sendCustomRequest(req, method, body);
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
    reply->deleteLater();
    co_return doc;
}
} // namespace

class TestServeSync : public QObject
{
    Q_OBJECT

private:
    TempStore m_store;
    ServeProcess m_sandbox;
    ServeProcess m_serve;
    QNetworkAccessManager m_nam;
    QString m_sandboxUrl;
    QString m_integration;
    QString m_secret;
    QHash<qint64, qint64> m_caseOfTicket;

    QStringList db(QStringList args) const { return QStringList{QStringLiteral("--database"), m_store.path()} + args; }
    QJsonDocument control(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        return QCoro::waitFor(call(&m_nam, method, QUrl(m_sandboxUrl + QStringLiteral("/_sandbox/") + path),
                                   body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(), {}));
    }
    QJsonDocument api(const QString &path)
    {
        return QCoro::waitFor(call(&m_nam, "GET", QUrl(m_sandboxUrl + QStringLiteral("/api/v2/") + path), {},
                                   "Basic " + QByteArray("sandbox-admin-key:X").toBase64()));
    }
    void rule(const QString &shape)
    {
        control("DELETE", QStringLiteral("rules"));
        control("POST", QStringLiteral("rules"),
                {{QStringLiteral("url"),
                  QStringLiteral("%1/api/webhooks/freshdesk/%2").arg(m_serve.baseUrl(), m_integration)},
                 {QStringLiteral("secret"), m_secret},
                 {QStringLiteral("shape"), shape}});
    }
    qint64 endpointCalls(const QString &endpoint)
    {
        return control("GET", QStringLiteral("stats"))
            .object()
            .value(QStringLiteral("by_endpoint"))
            .toObject()
            .value(endpoint)
            .toObject()
            .value(QStringLiteral("calls"))
            .toInteger();
    }
    QString caseField(qint64 ticket, const char *column)
    {
        auto conn = m_store.open(Database::Access::ReadOnly);
        auto v = conn->scalar(
            QStringLiteral("SELECT %1 FROM cases WHERE external_ticket_id = ?").arg(QLatin1String(column)), {ticket});
        return v ? v->toString() : QString();
    }
    int ticketStatus(qint64 ticket)
    {
        return api(QStringLiteral("tickets/%1").arg(ticket)).object().value(QStringLiteral("status")).toInt();
    }
    qint64 outboxPending()
    {
        auto conn = m_store.open(Database::Access::ReadOnly);
        return conn->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state IN ('pending','inflight')"))
            ->toLongLong();
    }
    int conversationsContaining(qint64 ticket, const QString &text, bool *isPrivate = nullptr)
    {
        int n = 0;
        const QJsonArray list = api(QStringLiteral("tickets/%1/conversations").arg(ticket)).array();
        for (const QJsonValue &c : list) {
            if (c.toObject().value(QStringLiteral("body")).toString().contains(text)) {
                ++n;
                if (isPrivate)
                    *isPrivate = c.toObject().value(QStringLiteral("private")).toBool();
            }
        }
        return n;
    }
    void setCommentMode(const QString &mode)
    {
        auto conn = m_store.open();
        auto settings = conn->scalar(QStringLiteral("SELECT settings FROM integrations WHERE id = ?"), {m_integration});
        QJsonObject s = QJsonDocument::fromJson(settings->toString().toUtf8()).object();
        s.insert(QStringLiteral("comments"), mode);
        QVERIFY(conn->exec(QStringLiteral("UPDATE integrations SET settings = ? WHERE id = ?"),
                           {QString::fromUtf8(QJsonDocument(s).toJson(QJsonDocument::Compact)), m_integration}));
    }
    bool startServe()
    {
        // Every log category on, so the secrecy check below reads everything serve can say.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("casebridge.*=true"));
        if (m_serve.process().state() == QProcess::NotRunning && m_serve.process().isOpen())
            m_serveOutput += m_serve.process().readAll() + m_serve.process().readAllStandardError();
        return m_serve.start(m_store.path(), {QStringLiteral("--reconcile-interval"), QStringLiteral("1h")}, env);
    }
    QByteArray m_serveOutput;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyPayloadShapeMovesAStatusIntoTheCase_data();
    void everyPayloadShapeMovesAStatusIntoTheCase();
    void kEditsMakeExactlyKPushesDespiteEchoes();
    void commentsGoPublicPrivateOrNowhere();
    void aChangeWithWebhooksOffIsCaughtByOneReconcile();
    void withFlakyPutsEveryEditLandsOnce();
    void sigkillDuringOutboxWorkLosesAndDuplicatesNothing();
    void importingTheSameIdsThreeTimesChangesNothing();
    void neitherKeyNorSecretInStoreLogsOrOutput();
};

void TestServeSync::initTestCase()
{
    qputenv("ENCRYPTION_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    QVERIFY(m_sandbox.startCommand({QStringLiteral("--json"), QStringLiteral("sandbox"), QStringLiteral("--listen"),
                                    QStringLiteral("127.0.0.1:0"), QStringLiteral("--tickets"), QStringLiteral("60"),
                                    QStringLiteral("--plan"), QStringLiteral("enterprise")},
                                   QStringLiteral("url")));
    m_sandboxUrl = m_sandbox.startupJson().value(QStringLiteral("url")).toString();
    const QString domain = m_sandbox.startupJson().value(QStringLiteral("domain")).toString();
    const CliResult connected =
        runCli(db({QStringLiteral("--json"), QStringLiteral("connect"), QStringLiteral("freshdesk"),
                   QStringLiteral("--domain"), domain, QStringLiteral("--api-key-stdin"),
                   QStringLiteral("--no-backfill"), QStringLiteral("--comments"), QStringLiteral("private")}),
               "sandbox-admin-key\n");
    QVERIFY2(connected.exitCode == 0, connected.err);
    const QJsonObject c = QJsonDocument::fromJson(connected.out).object();
    m_integration = c.value(QStringLiteral("integration_id")).toString();
    m_secret = c.value(QStringLiteral("secret")).toString();
    QVERIFY(!m_integration.isEmpty() && !m_secret.isEmpty());
    QStringList ids;
    for (int t = 1; t <= 40; ++t)
        ids << QString::number(t);
    const CliResult imported =
        runCli(db({QStringLiteral("import"), m_integration, QStringLiteral("--ids"), ids.join(QLatin1Char(','))}));
    QVERIFY2(imported.exitCode == 0, imported.err);
    auto conn = m_store.open(Database::Access::ReadOnly);
    auto q = conn->exec(QStringLiteral("SELECT external_ticket_id, id FROM cases"));
    QVERIFY(q);
    while (q->next())
        m_caseOfTicket.insert(q->value(0).toLongLong(), q->value(1).toLongLong());
    QCOMPARE(m_caseOfTicket.size(), 40);
    QVERIFY(startServe());
}

void TestServeSync::cleanupTestCase()
{
    QCOMPARE(m_serve.terminate(), 0);
    QCOMPARE(m_sandbox.terminate(), 0);
}

void TestServeSync::everyPayloadShapeMovesAStatusIntoTheCase_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<qint64>("ticket");
    QTest::newRow("simple") << QStringLiteral("simple") << qint64(1);
    QTest::newRow("thin") << QStringLiteral("thin") << qint64(2);
    QTest::newRow("flat") << QStringLiteral("flat") << qint64(3);
    QTest::newRow("form") << QStringLiteral("form") << qint64(4);
}

void TestServeSync::everyPayloadShapeMovesAStatusIntoTheCase()
{
    QFETCH(QString, shape);
    QFETCH(qint64, ticket);
    rule(shape);
    const QString before = caseField(ticket, "status");
    const int target = before == QLatin1String("resolved") ? 3 : 4;
    control("POST", QStringLiteral("agent-edit/%1").arg(ticket), {{QStringLiteral("status"), target}});
    const QString expected = target == 4 ? QStringLiteral("resolved") : QStringLiteral("pending");
    QTRY_COMPARE_WITH_TIMEOUT(caseField(ticket, "status"), expected, 15000);
}

void TestServeSync::kEditsMakeExactlyKPushesDespiteEchoes()
{
    rule(QStringLiteral("simple")); // the sandbox fires webhooks for API updates too: each push echoes back
    const qint64 ticket = 10;
    const qint64 caseId = m_caseOfTicket.value(ticket);
    control("DELETE", QStringLiteral("stats"));
    const QStringList statuses = {QStringLiteral("pending"), QStringLiteral("open"), QStringLiteral("resolved"),
                                  QStringLiteral("pending"), QStringLiteral("open")};
    const QList<int> ids = {3, 2, 4, 3, 2};
    for (int k = 0; k < statuses.size(); ++k) {
        const CliResult r =
            runCli(db({QStringLiteral("edit"), QString::number(caseId), QStringLiteral("--status"), statuses.at(k)}));
        QVERIFY2(r.exitCode == 0, r.err);
        QTRY_COMPARE_WITH_TIMEOUT(ticketStatus(ticket), ids.at(k), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(outboxPending(), qint64(0), 15000);
    }
    QTest::qWait(2500); // every echo has arrived and been processed
    QCOMPARE(endpointCalls(QStringLiteral("PUT /tickets/{id}")), qint64(statuses.size()));
    QVERIFY(control("GET", QStringLiteral("stats"))
                .object()
                .value(QStringLiteral("webhooks"))
                .toObject()
                .value(QStringLiteral("delivered"))
                .toInt() >= statuses.size());
    QCOMPARE(caseField(ticket, "status"), QStringLiteral("open"));
    QCOMPARE(outboxPending(), qint64(0));
}

void TestServeSync::commentsGoPublicPrivateOrNowhere()
{
    control("DELETE", QStringLiteral("rules"));
    const qint64 ticket = 11;
    const QString caseId = QString::number(m_caseOfTicket.value(ticket));
    const QString priv = QStringLiteral("private-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(runCli(db({QStringLiteral("comment"), caseId, QStringLiteral("--text"), priv})).exitCode, 0);
    bool isPrivate = false;
    QTRY_COMPARE_WITH_TIMEOUT(conversationsContaining(ticket, priv, &isPrivate), 1, 15000);
    QVERIFY(isPrivate);

    setCommentMode(QStringLiteral("public"));
    QTest::qWait(1200); // serve notices a settings change within a second
    const QString pub = QStringLiteral("public-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(runCli(db({QStringLiteral("comment"), caseId, QStringLiteral("--text"), pub})).exitCode, 0);
    QTRY_COMPARE_WITH_TIMEOUT(conversationsContaining(ticket, pub, &isPrivate), 1, 15000);
    QVERIFY(!isPrivate);

    setCommentMode(QStringLiteral("off"));
    QTest::qWait(1200);
    const QString off = QStringLiteral("off-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    runCli(db({QStringLiteral("comment"), caseId, QStringLiteral("--text"), off}));
    // A later edit is pushed, so anything queued before it would have gone too.
    QCOMPARE(
        runCli(db({QStringLiteral("edit"), caseId, QStringLiteral("--priority"), QStringLiteral("urgent")})).exitCode,
        0);
    QTRY_COMPARE_WITH_TIMEOUT(
        api(QStringLiteral("tickets/%1").arg(ticket)).object().value(QStringLiteral("priority")).toInt(), 4, 15000);
    QCOMPARE(conversationsContaining(ticket, off), 0);
    setCommentMode(QStringLiteral("private"));
}

void TestServeSync::aChangeWithWebhooksOffIsCaughtByOneReconcile()
{
    control("DELETE", QStringLiteral("rules"));
    const qint64 ticket = 12;
    const QString before = caseField(ticket, "status");
    const int target = before == QLatin1String("closed") ? 2 : 5;
    control("POST", QStringLiteral("agent-edit/%1").arg(ticket), {{QStringLiteral("status"), target}});
    QTest::qWait(1000);
    QCOMPARE(caseField(ticket, "status"), before); // no webhook: nothing moved
    const CliResult r = runCli(db({QStringLiteral("--json"), QStringLiteral("reconcile"), m_integration}));
    QVERIFY2(r.exitCode == 0, r.err);
    QCOMPARE(caseField(ticket, "status"), target == 5 ? QStringLiteral("closed") : QStringLiteral("open"));
    // Three for the listings, plus the conversations of the one ticket the webhooks missed (its notes may be new
    // too), plus at most two look-ups per author name this fresh process has not seen.
    QSet<qint64> authors;
    for (const QJsonValue &c : api(QStringLiteral("tickets/%1/conversations").arg(ticket)).array())
        authors.insert(c.toObject().value(QStringLiteral("user_id")).toInteger());
    QVERIFY(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("calls")).toInt() <= 4 + 2 * authors.size());
}

void TestServeSync::withFlakyPutsEveryEditLandsOnce()
{
    control("DELETE", QStringLiteral("rules"));
    control("POST", QStringLiteral("faults"),
            {{QStringLiteral("method"), QStringLiteral("PUT")},
             {QStringLiteral("path_prefix"), QStringLiteral("/api/v2/tickets")},
             {QStringLiteral("status"), 503},
             {QStringLiteral("rate"), 0.3}});
    control("DELETE", QStringLiteral("stats"));
    QHash<qint64, int> expected;
    for (qint64 ticket = 20; ticket < 40; ++ticket) {
        const bool urgent =
            api(QStringLiteral("tickets/%1").arg(ticket)).object().value(QStringLiteral("priority")).toInt() != 4;
        expected.insert(ticket, urgent ? 4 : 1);
        QCOMPARE(runCli(db({QStringLiteral("edit"), QString::number(m_caseOfTicket.value(ticket)),
                            QStringLiteral("--priority"), urgent ? QStringLiteral("urgent") : QStringLiteral("low")}))
                     .exitCode,
                 0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(outboxPending(), qint64(0), 120000);
    control("DELETE", QStringLiteral("faults"));
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(api(QStringLiteral("tickets/%1").arg(it.key())).object().value(QStringLiteral("priority")).toInt(),
                 it.value());
    QCOMPARE(endpointCalls(QStringLiteral("PUT /tickets/{id}")), qint64(20)); // successful PUTs: one per edit
    auto conn = m_store.open(Database::Access::ReadOnly);
    QCOMPARE(conn->scalar(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'dead'"))->toInt(), 0);
}

void TestServeSync::sigkillDuringOutboxWorkLosesAndDuplicatesNothing()
{
    control("DELETE", QStringLiteral("rules"));
    QCOMPARE(m_serve.terminate(), 0);
    QStringList texts;
    for (int i = 0; i < 12; ++i) {
        const qint64 ticket = 13 + i % 6;
        texts << QStringLiteral("note-%1-").arg(i) + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QCOMPARE(runCli(db({QStringLiteral("comment"), QString::number(m_caseOfTicket.value(ticket)),
                            QStringLiteral("--text"), texts.last()}))
                     .exitCode,
                 0);
    }
    // Slow answers, so the kill lands while notes are in flight.
    control("POST", QStringLiteral("faults"),
            {{QStringLiteral("path_prefix"), QStringLiteral("/api/v2/tickets")},
             {QStringLiteral("status"), 200},
             {QStringLiteral("rate"), 0},
             {QStringLiteral("latency_ms"), 150}});
    control("DELETE", QStringLiteral("stats"));
    QVERIFY(startServe());
    QTRY_VERIFY_WITH_TIMEOUT(endpointCalls(QStringLiteral("POST /tickets/{id}/notes")) >= 3, 30000);
    m_serve.kill();
    control("DELETE", QStringLiteral("faults"));
    QVERIFY(outboxPending() > 0);
    QVERIFY(startServe());
    QTRY_COMPARE_WITH_TIMEOUT(outboxPending(), qint64(0), 60000);
    for (int i = 0; i < texts.size(); ++i)
        QCOMPARE(conversationsContaining(13 + i % 6, texts.at(i)), 1);
}

void TestServeSync::importingTheSameIdsThreeTimesChangesNothing()
{
    auto conn = m_store.open(Database::Access::ReadOnly);
    const int before = conn->scalar(QStringLiteral("SELECT COUNT(*) FROM cases"))->toInt();
    for (int i = 0; i < 3; ++i) {
        const CliResult r =
            runCli(db({QStringLiteral("--json"), QStringLiteral("import"), m_integration, QStringLiteral("--ids"),
                       QStringLiteral("1,2,3,%1/a/tickets/4").arg(m_sandboxUrl)}));
        QVERIFY2(r.exitCode == 0, r.err);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("already_linked")).toInt(), 4);
    }
    QCOMPARE(conn->scalar(QStringLiteral("SELECT COUNT(*) FROM cases"))->toInt(), before);
}

void TestServeSync::neitherKeyNorSecretInStoreLogsOrOutput()
{
    const QByteArray key = "sandbox-admin-key";
    const QByteArray secret = m_secret.toLatin1();
    QByteArray everything;
    for (const QStringList &args : {QStringList{QStringLiteral("--json"), QStringLiteral("integrations")},
                                    QStringList{QStringLiteral("--json"), QStringLiteral("log"),
                                                QStringLiteral("--limit"), QStringLiteral("10000")},
                                    QStringList{QStringLiteral("--json"), QStringLiteral("failed")},
                                    QStringList{QStringLiteral("--json"), QStringLiteral("cases")},
                                    QStringList{QStringLiteral("case"), QString::number(m_caseOfTicket.value(11))}}) {
        const CliResult r = runCli(db(args));
        QVERIFY2(r.exitCode == 0, r.err);
        everything += r.out + r.err;
    }
    QCOMPARE(m_serve.terminate(), 0);
    everything += m_serveOutput + m_serve.process().readAll() + m_serve.process().readAllStandardError();
    QVERIFY(everything.contains("casebridge.")); // the logs were really captured
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile f(m_store.path() + suffix);
        if (f.open(QIODevice::ReadOnly))
            everything += f.readAll();
    }
    QVERIFY(!everything.contains(key));
    QVERIFY(!everything.contains(secret));
    QVERIFY(!everything.contains(secret.toBase64())); // nor its Basic-auth form
    QVERIFY(startServe());                            // cleanupTestCase stops it
}

QTEST_GUILESS_MAIN(TestServeSync)
#include "tst_servesync.moc"
