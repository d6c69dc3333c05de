#include "common/clock.h"
#include "secrets/encryptedsecretstore.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/sandboxawaresecretstore.h"
#include "secrets/secretstorefactory.h"
#include "storage/database.h"
#include "tempstore.h"

#include <QFile>
#include <QProcess>
#include <QtTest>

using namespace cb;
using namespace cb::test;

namespace {
const QByteArray kHexKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const QByteArray kApiKey = "fd-api-key-SENTINEL-4b7c";
} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

    static QByteArray allBytes(const QString &path)
    {
        QByteArray bytes;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile f(path + suffix);
            if (f.open(QIODevice::ReadOnly))
                bytes += f.readAll();
        }
        return bytes;
    }

    static std::unique_ptr<Database> storeWithIntegrations(const TempStore &store)
    {
        auto db = store.open();
        for (const char *id : {"int-1", "int-2"}) {
            if (!db->exec(QStringLiteral("INSERT INTO integrations (id, workspace_id, provider, domain, created_at, "
                                         "updated_at) VALUES (?, 1, 'freshdesk', 'acme.freshdesk.com', 'x', 'x')"),
                          {QString::fromLatin1(id)}))
                return nullptr;
        }
        return db;
    }

private Q_SLOTS:
    void encryptedRoundTripLeavesNoPlaintextOnDisk()
    {
        TempStore store;
        auto db = storeWithIntegrations(store);
        QVERIFY(db);
        EncryptedSecretStore secrets(*db, Clock::system(), *EncryptedSecretStore::parseKey(kHexKey));
        QVERIFY(QCoro::waitFor(secrets.write(QStringLiteral("int-1"), kApiKey)));
        auto back = QCoro::waitFor(secrets.read(QStringLiteral("int-1")));
        QVERIFY(back);
        QCOMPARE(*back, kApiKey);
        const QByteArray disk = allBytes(store.path());
        QVERIFY(!disk.isEmpty());
        QVERIFY(!disk.contains(kApiKey));
        QVERIFY(!disk.contains(kHexKey));
        QVERIFY(!disk.contains(QByteArray::fromHex(kHexKey)));
        // A second write of the same value uses a new nonce.
        const QString first = db->scalar(QStringLiteral("SELECT nonce FROM credentials"))->toString();
        QVERIFY(QCoro::waitFor(secrets.write(QStringLiteral("int-1"), kApiKey)));
        QVERIFY(db->scalar(QStringLiteral("SELECT nonce FROM credentials"))->toString() != first);
        QVERIFY(QCoro::waitFor(secrets.remove(QStringLiteral("int-1"))));
        QCOMPARE(QCoro::waitFor(secrets.read(QStringLiteral("int-1"))).error().kind, Error::Kind::NotFound);
    }

    void wrongKeyTamperingAndMovedRecordsFail()
    {
        TempStore store;
        auto db = storeWithIntegrations(store);
        QVERIFY(db);
        EncryptedSecretStore secrets(*db, Clock::system(), *EncryptedSecretStore::parseKey(kHexKey));
        QVERIFY(QCoro::waitFor(secrets.write(QStringLiteral("int-1"), kApiKey)));
        QByteArray otherKey = kHexKey;
        otherKey[0] = '9';
        EncryptedSecretStore wrong(*db, Clock::system(), *EncryptedSecretStore::parseKey(otherKey));
        auto r = QCoro::waitFor(wrong.read(QStringLiteral("int-1")));
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("decrypt_failed"));
        QVERIFY(!r.error().message.contains(QString::fromLatin1(otherKey)));

        const QByteArray sealed = QByteArray::fromBase64(
            db->scalar(QStringLiteral("SELECT ciphertext FROM credentials"))->toString().toLatin1());
        const QByteArray nonce =
            QByteArray::fromBase64(db->scalar(QStringLiteral("SELECT nonce FROM credentials"))->toString().toLatin1());
        QByteArray tampered = sealed;
        tampered[2] = char(tampered[2] ^ 0x01);
        QVERIFY(!secrets.decrypt(QStringLiteral("int-1"), nonce, tampered));
        QVERIFY(!secrets.decrypt(QStringLiteral("int-2"), nonce, sealed)); // bound to its integration
        QVERIFY(secrets.decrypt(QStringLiteral("int-1"), nonce, sealed));
    }

    void malformedKeysAreRefusedWithoutEchoingThem_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("short") << QByteArray("abcdef0123");
        QTest::newRow("not hex") << QByteArray(64, 'z');
        QTest::newRow("too long") << (kHexKey + "00");
        QTest::newRow("empty") << QByteArray();
    }

    void malformedKeysAreRefusedWithoutEchoingThem()
    {
        QFETCH(QByteArray, key);
        auto r = EncryptedSecretStore::parseKey(key);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QLatin1String("64 hexadecimal")));
        if (!key.isEmpty())
            QVERIFY(!r.error().message.contains(QString::fromLatin1(key)));
    }

    // The first run without a keyring or ENCRYPTION_KEY: the built-in sandbox's published key (loopback domain) is
    // kept in the store and read back; a real helpdesk's key is refused with what to do and never kept in the clear.
    void sandboxKeyIsKeptWithoutAKeyringARealKeyIsNot()
    {
        TempStore store;
        auto db = storeWithIntegrations(store);
        QVERIFY(db);
        QVERIFY(db->exec(QStringLiteral("UPDATE integrations SET domain = '127.0.0.1:8765' WHERE id = 'int-1'")));
        SandboxAwareSecretStore secrets(*db, Clock::system(), nullptr);
        QVERIFY(!secrets.hasRealStore());
        QVERIFY(QCoro::waitFor(secrets.write(QStringLiteral("int-1"), "sandbox-admin-key")));
        auto back = QCoro::waitFor(secrets.read(QStringLiteral("int-1")));
        QVERIFY(back);
        QCOMPARE(*back, QByteArray("sandbox-admin-key"));

        auto real = QCoro::waitFor(secrets.write(QStringLiteral("int-2"), kApiKey));
        QVERIFY(!real);
        QCOMPARE(real.error().code, QStringLiteral("no_secret_store"));
        QVERIFY(real.error().message.contains(QLatin1String("ENCRYPTION_KEY")));
        // Another key on the loopback domain is not the sandbox's: it is not kept either.
        QVERIFY(!QCoro::waitFor(secrets.write(QStringLiteral("int-1"), kApiKey)));
        QVERIFY(!allBytes(store.path()).contains(kApiKey));
        QVERIFY(!QCoro::waitFor(secrets.read(QStringLiteral("int-2"))));

        // With a real store behind it, real keys go there (encrypted), sandbox keys stay in the store.
        SandboxAwareSecretStore layered(
            *db, Clock::system(),
            std::make_unique<EncryptedSecretStore>(*db, Clock::system(), *EncryptedSecretStore::parseKey(kHexKey)));
        QVERIFY(QCoro::waitFor(layered.write(QStringLiteral("int-2"), kApiKey)));
        QCOMPARE(*QCoro::waitFor(layered.read(QStringLiteral("int-2"))), kApiKey);
        QCOMPARE(*QCoro::waitFor(layered.read(QStringLiteral("int-1"))), QByteArray("sandbox-admin-key"));
        QVERIFY(!allBytes(store.path()).contains(kApiKey));
        QVERIFY(QCoro::waitFor(layered.remove(QStringLiteral("int-1"))));
        QVERIFY(!QCoro::waitFor(secrets.read(QStringLiteral("int-1"))));
    }

    void factoryChoosesByEnvironment()
    {
        TempStore store;
        auto db = store.open();
        qputenv("ENCRYPTION_KEY", kHexKey);
        auto headless =
            QCoro::waitFor(SecretStoreFactory::create(*db, Clock::system(), SecretStoreFactory::Preference::Headless));
        QVERIFY(headless);
        QCOMPARE((*headless)->backendName(), QStringLiteral("aes-gcm"));
        qputenv("ENCRYPTION_KEY", "short");
        auto bad =
            QCoro::waitFor(SecretStoreFactory::create(*db, Clock::system(), SecretStoreFactory::Preference::Headless));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("bad_encryption_key"));
        qunsetenv("ENCRYPTION_KEY");
        auto none =
            QCoro::waitFor(SecretStoreFactory::create(*db, Clock::system(), SecretStoreFactory::Preference::Headless));
        if (qEnvironmentVariableIsSet("CB_TEST_KEYRING")) {
            QVERIFY(none);
            QCOMPARE((*none)->backendName(), QStringLiteral("keychain"));
        } else if (!none) {
            QCOMPARE(none.error().code, QStringLiteral("no_secret_store"));
            QVERIFY(none.error().message.contains(QLatin1String("ENCRYPTION_KEY")));
        }
    }

    void keychainRoundTripAgainstARealSecretService()
    {
        if (!qEnvironmentVariableIsSet("CB_TEST_KEYRING"))
            QSKIP("No Secret Service in this environment (scripts/test-services.sh starts one: CB_TEST_KEYRING=1)");
        KeychainSecretStore keychain;
        QVERIFY(QCoro::waitFor(keychain.isAvailable()));
        QVERIFY(QCoro::waitFor(keychain.write(QStringLiteral("int-kc"), kApiKey)));
        auto back = QCoro::waitFor(keychain.read(QStringLiteral("int-kc")));
        QVERIFY(back);
        QCOMPARE(*back, kApiKey);
        QProcess lookup;
        lookup.start(QStringLiteral("secret-tool"),
                     {QStringLiteral("lookup"), QStringLiteral("user"), QStringLiteral("int-kc"),
                      QStringLiteral("server"), KeychainSecretStore::serviceName()});
        QVERIFY(lookup.waitForFinished(10000));
        QVERIFY(!lookup.readAllStandardOutput().trimmed().isEmpty()); // stored under service Casebridge
        QVERIFY(QCoro::waitFor(keychain.remove(QStringLiteral("int-kc"))));
        QCOMPARE(QCoro::waitFor(keychain.read(QStringLiteral("int-kc"))).error().kind, Error::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
