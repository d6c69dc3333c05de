// A bad ENCRYPTION_KEY is refused with one sentence that says what to do, never echoing the key: `connect` exits 2
// and stores nothing; `serve` still receives webhooks (they wait in the inbox) but says why it does not sync.
#include "clirunner.h"
#include "serveprocess.h"
#include "tempstore.h"

#include <QtTest>

using namespace cb;
using namespace cb::test;

namespace {
const char kExpected[] = "ENCRYPTION_KEY must be exactly 64 hexadecimal characters";
}

class TestCliEncryptionKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { qunsetenv("ENCRYPTION_KEY"); }

    void connectRefusesABadKey_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("short") << QByteArray("0123456789abcdef");
        QTest::newRow("63 hex") << QByteArray(63, 'a');
        QTest::newRow("not hex") << QByteArray(64, 'g');
        QTest::newRow("too long") << QByteArray(66, 'b');
    }

    void connectRefusesABadKey()
    {
        QFETCH(QByteArray, key);
        TempStore store;
        qputenv("ENCRYPTION_KEY", key);
        const CliResult r =
            runCli({QStringLiteral("--database"), store.path(), QStringLiteral("connect"), QStringLiteral("freshdesk"),
                    QStringLiteral("--domain"), QStringLiteral("127.0.0.1:9"), QStringLiteral("--api-key-stdin"),
                    QStringLiteral("--no-backfill")},
                   "sandbox-admin-key\n");
        QCOMPARE(r.exitCode, 2);
        const QByteArray err = r.err.trimmed();
        QVERIFY2(err.contains(kExpected), err);
        QVERIFY2(err.contains("openssl rand -hex 32"), err); // says what to do
        QCOMPARE(err.count('\n'), 0);                        // one sentence, one line
        QVERIFY(!err.contains(key));
        QVERIFY(!r.out.contains(key));
        auto db = store.open();
        QVERIFY(db);
        QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM integrations"))->toInt(), 0);
        QCOMPARE(db->scalar(QStringLiteral("SELECT COUNT(*) FROM credentials"))->toInt(), 0);
    }

    void serveSaysWhyItDoesNotSync()
    {
        TempStore store;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ENCRYPTION_KEY"), QStringLiteral("tooshort"));
        ServeProcess serve;
        QVERIFY(serve.start(store.path(), {}, env));
        QCOMPARE(serve.startupJson().value(QStringLiteral("engine")).toBool(), false);
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += serve.process().readAllStandardError()).contains(kExpected), 5000);
        QVERIFY(!err.contains("tooshort"));
        QCOMPARE(serve.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliEncryptionKey)
#include "tst_cli_encryptionkey.moc"
