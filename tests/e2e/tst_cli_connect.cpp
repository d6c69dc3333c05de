#include "clirunner.h"
#include "tempstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QtTest>

using namespace cb::test;

// connect / import / reconcile through the real binary against the sandbox helpdesk (also the real binary).
class TestCliConnect : public QObject
{
    Q_OBJECT

    QProcess m_sandbox;
    QString m_domain;
    TempStore m_store;

    QStringList db(QStringList args) const { return args << QStringLiteral("--database") << m_store.path(); }

    static quint16 freePort()
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        return s.serverPort();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("ENCRYPTION_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        const quint16 port = freePort();
        m_domain = QStringLiteral("127.0.0.1:%1").arg(port);
        m_sandbox.start(cliPath(), {QStringLiteral("sandbox"), QStringLiteral("--listen"), m_domain,
                                    QStringLiteral("--tickets"), QStringLiteral("300")});
        QVERIFY(m_sandbox.waitForStarted());
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += m_sandbox.readAllStandardOutput()).contains("Admin API key"), 10000);
    }

    void cleanupTestCase()
    {
        m_sandbox.terminate();
        QVERIFY(m_sandbox.waitForFinished(5000));
        QCOMPARE(m_sandbox.exitCode(), 0);
    }

    void failedVerificationExitsThreeAndPersistsNothing_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("says");
        QTest::newRow("bad key") << QString() << QByteArray("wrong-key") << QByteArray("rejected the API key");
        QTest::newRow("non-admin") << QString() << QByteArray("sandbox-agent-key")
                                   << QByteArray("not an administrator");
        QTest::newRow("bad domain") << QStringLiteral("127.0.0.1:1") << QByteArray("sandbox-admin-key")
                                    << QByteArray("No Freshdesk account answers");
    }

    void failedVerificationExitsThreeAndPersistsNothing()
    {
        QFETCH(QString, domain);
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, says);
        auto r = runCli(db({QStringLiteral("connect"), QStringLiteral("freshdesk"), QStringLiteral("--domain"),
                            domain.isEmpty() ? m_domain : domain, QStringLiteral("--api-key-stdin")}),
                        key + "\n");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(says), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(!r.err.contains(key));
        auto list = runCli(db({QStringLiteral("integrations"), QStringLiteral("--json")}));
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 0);
    }

    void connectImportReconcile()
    {
        auto r =
            runCli(db({QStringLiteral("connect"), QStringLiteral("freshdesk"), QStringLiteral("--domain"), m_domain,
                       QStringLiteral("--api-key-stdin"), QStringLiteral("--json"), QStringLiteral("--no-backfill")}),
                   "sandbox-admin-key\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject setup = QJsonDocument::fromJson(r.out).object();
        const QString id = setup[QStringLiteral("integration_id")].toString();
        const QString secret = setup[QStringLiteral("secret")].toString();
        QVERIFY(secret.size() >= 43);
        QCOMPARE(setup[QStringLiteral("header")].toString(), QStringLiteral("X-Casebridge-Webhook-Secret"));
        QVERIFY(
            setup[QStringLiteral("webhook_url")].toString().endsWith(QStringLiteral("/api/webhooks/freshdesk/") + id));
        QCOMPARE(setup[QStringLiteral("rule_payloads")].toArray().size(), 2);

        auto list = runCli(db({QStringLiteral("integrations"), QStringLiteral("--json")}));
        QVERIFY(!list.out.contains(secret.toLatin1()));
        QVERIFY(!list.out.contains("sandbox-admin-key"));

        for (int run = 0; run < 3; ++run) {
            auto imported =
                runCli(db({QStringLiteral("import"), id, QStringLiteral("--ids"),
                           QStringLiteral("1, 2 https://acme.freshdesk.com/a/tickets/3"), QStringLiteral("--json")}));
            QVERIFY2(imported.exitCode == 0, imported.err.constData());
            const QJsonObject s = QJsonDocument::fromJson(imported.out).object();
            QCOMPARE(s[QStringLiteral("imported")].toInt(), run == 0 ? 3 : 0);
            QCOMPARE(s[QStringLiteral("already_linked")].toInt(), run == 0 ? 0 : 3);
        }
        auto cases = runCli(db({QStringLiteral("cases"), QStringLiteral("--json")}));
        QCOMPARE(QJsonDocument::fromJson(cases.out).array().size(), 3);

        auto all = runCli(db({QStringLiteral("import"), id, QStringLiteral("--status"), QStringLiteral("open"),
                              QStringLiteral("--json")}));
        QVERIFY2(all.exitCode == 0, all.err.constData());
        QVERIFY(QJsonDocument::fromJson(all.out).object()[QStringLiteral("imported")].toInt() > 10);

        // The first cycle catches up from the import's watermark; after it, a cycle costs ⌈changed/100⌉ + 2 calls.
        QCOMPARE(runCli(db({QStringLiteral("reconcile"), id, QStringLiteral("--json")})).exitCode, 0);
        auto rec = runCli(db({QStringLiteral("reconcile"), id, QStringLiteral("--json")}));
        QVERIFY2(rec.exitCode == 0, rec.err.constData());
        QVERIFY(QJsonDocument::fromJson(rec.out).object()[QStringLiteral("calls")].toInt() <= 3);

        QCOMPARE(runCli(db({QStringLiteral("import"), id, QStringLiteral("--ids"), QStringLiteral("abc")})).exitCode,
                 2);
        QCOMPARE(runCli(db({QStringLiteral("import"), QStringLiteral("no-such-id"), QStringLiteral("--ids"),
                            QStringLiteral("1")}))
                     .exitCode,
                 1);

        // Rotation: a new secret once, the old one kept for the grace period; bad durations are usage errors.
        auto rotated = runCli(db({QStringLiteral("rotate-secret"), id, QStringLiteral("--grace"), QStringLiteral("10m"),
                                  QStringLiteral("--json")}));
        QVERIFY2(rotated.exitCode == 0, rotated.err.constData());
        const QString newSecret = QJsonDocument::fromJson(rotated.out).object()[QStringLiteral("secret")].toString();
        QVERIFY(!newSecret.isEmpty() && newSecret != secret);
        QCOMPARE(runCli(db({QStringLiteral("rotate-secret"), id, QStringLiteral("--grace"), QStringLiteral("soon")}))
                     .exitCode,
                 2);
        QCOMPARE(runCli(db({QStringLiteral("rotate-key"), id, QStringLiteral("--api-key-stdin")}), "wrong\n").exitCode,
                 3);
        QCOMPARE(
            runCli(db({QStringLiteral("rotate-key"), id, QStringLiteral("--api-key-stdin")}), "sandbox-admin-key\n")
                .exitCode,
            0);

        // Neither the secret nor the API key is anywhere in the store's files.
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile f(m_store.path() + suffix);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            QVERIFY(!bytes.contains(secret.toLatin1()));
            QVERIFY(!bytes.contains("sandbox-admin-key"));
            QVERIFY(!bytes.contains(newSecret.toLatin1()));
        }
        // Disconnect keeps the cases and stops syncing.
        QCOMPARE(runCli(db({QStringLiteral("disconnect"), id})).exitCode, 0);
        auto after = runCli(db({QStringLiteral("integrations"), QStringLiteral("--json")}));
        QCOMPARE(QJsonDocument::fromJson(after.out).array().at(0)[QStringLiteral("state")].toString(),
                 QStringLiteral("disconnected"));
        QVERIFY(QJsonDocument::fromJson(runCli(db({QStringLiteral("cases"), QStringLiteral("--json")})).out)
                    .array()
                    .size() > 3);
        QCOMPARE(runCli(db({QStringLiteral("reconcile"), id})).exitCode, 1); // the key is gone
    }
};

QTEST_GUILESS_MAIN(TestCliConnect)
#include "tst_cli_connect.moc"
