#include "common/clock.h"
#include "fakehelpdeskclient.h"
#include "memorysecretstore.h"
#include "secrets/secretstore.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "sync/integrationmanager.h"
#include "tempstore.h"
#include "webhook/webhooksecret.h"

#include <QFile>
#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestIntegrationManager : public QObject
{
    Q_OBJECT

    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC)};
    MemorySecretStore m_secrets;
    HelpdeskAgent m_agent{100, QStringLiteral("Sandy Admin"), QStringLiteral("Sandy@Example.com"), true, {10}, {1}};
    std::optional<Error> m_verifyFailure;

    IntegrationManager manager()
    {
        return IntegrationManager(*m_db, m_clock, m_secrets,
                                  [this](const QString &, const QString &domain, const QByteArray &) {
                                      auto fake = std::make_unique<FakeHelpdeskClient>(m_clock);
                                      fake->agent = m_agent;
                                      if (m_verifyFailure)
                                          fake->failNext(QStringLiteral("GET /agents/me"), *m_verifyFailure);
                                      return Result<ClientHandle>(ClientHandle{std::move(fake), domain});
                                  });
    }

    int integrations() { return m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM integrations"))->toInt(); }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<TempStore>();
        m_db = m_store->open();
        QVERIFY(m_db);
        m_secrets.values.clear();
        m_secrets.failWrites = false;
        m_verifyFailure.reset();
        m_agent.isAdmin = true;
    }

    void connectStoresOnlyAHashAndShowsTheSecretOnce()
    {
        ConnectRequest req;
        req.domain = QStringLiteral("acme.freshdesk.com");
        req.apiKey = "k3y-abcdefghijklmnop";
        auto out = QCoro::waitFor(manager().connect(req));
        QVERIFY(out);
        QCOMPARE(out->setup.headerName, QStringLiteral("X-Casebridge-Webhook-Secret"));
        QVERIFY(out->setup.secret.size() >= 43);
        QCOMPARE(out->setup.webhookUrl,
                 QStringLiteral("http://127.0.0.1:8780/api/webhooks/freshdesk/") + out->integration.id);
        QCOMPARE(out->setup.rulePayloads.size(), 2);
        auto stored = IntegrationStore(*m_db, m_clock).get(out->integration.id);
        QCOMPARE(stored->agentEmail, QStringLiteral("sandy@example.com"));
        QVERIFY(WebhookSecret::matches(out->setup.secret.toLatin1(), stored->webhookSecretHash));
        QCOMPARE(m_secrets.values.value(out->integration.id), QByteArray("k3y-abcdefghijklmnop"));
        QCOMPARE(IntegrationSettings::fromJson(stored->settings).defaultGroupId.value_or(0), qint64(10));
        // Neither the secret nor the API key is in the database file.
        QVERIFY(m_db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        QFile f(m_store->path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains(out->setup.secret.toLatin1()));
        QVERIFY(!bytes.contains("k3y-abcdefghijklmnop"));
    }

    void failedVerificationPersistsNothing_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("bad key") << QStringLiteral("invalid_credentials");
        QTest::newRow("bad domain") << QStringLiteral("unknown_domain");
        QTest::newRow("non-admin") << QStringLiteral("not_admin");
    }

    void failedVerificationPersistsNothing()
    {
        QFETCH(QString, code);
        if (code == QLatin1String("not_admin")) {
            m_agent.isAdmin = false;
        } else {
            Error e = Error::make(Error::Kind::Auth, QStringLiteral("Rejected."));
            e.code = code;
            m_verifyFailure = e;
        }
        ConnectRequest req;
        req.domain = QStringLiteral("acme.freshdesk.com");
        req.apiKey = "whatever";
        auto out = QCoro::waitFor(manager().connect(req));
        QVERIFY(!out);
        QCOMPARE(out.error().code, code);
        QCOMPARE(out.error().kind, Error::Kind::Auth);
        QCOMPARE(integrations(), 0);
        QVERIFY(m_secrets.values.isEmpty());
    }

    void aSecretStoreFailureUndoesTheIntegration()
    {
        m_secrets.failWrites = true;
        ConnectRequest req;
        req.domain = QStringLiteral("acme.freshdesk.com");
        req.apiKey = "k";
        auto out = QCoro::waitFor(manager().connect(req));
        QVERIFY(!out);
        QVERIFY(out.error().message.contains(QLatin1String("keychain")));
        QCOMPARE(integrations(), 0);
    }

    void rotateSecretKeepsTheOldOneForTheGracePeriod()
    {
        ConnectRequest req;
        req.domain = QStringLiteral("acme.freshdesk.com");
        req.apiKey = "k";
        auto out = QCoro::waitFor(manager().connect(req));
        QVERIFY(out);
        auto rotated = IntegrationManager::rotateSecret(*m_db, m_clock, out->integration.id, 3600);
        QVERIFY(rotated);
        QVERIFY(rotated->secret != out->setup.secret);
        auto stored = IntegrationStore(*m_db, m_clock).get(out->integration.id);
        QVERIFY(WebhookSecret::matches(rotated->secret.toLatin1(), stored->webhookSecretHash));
        QVERIFY(WebhookSecret::matches(out->setup.secret.toLatin1(), stored->previousSecretHash));
        QCOMPARE(stored->previousSecretExpiresAt, m_clock.nowUtc().addSecs(3600));
    }

    void rotateKeyAndDisconnect()
    {
        ConnectRequest req;
        req.domain = QStringLiteral("acme.freshdesk.com");
        req.apiKey = "old";
        auto out = QCoro::waitFor(manager().connect(req));
        QVERIFY(out);
        QVERIFY(QCoro::waitFor(manager().rotateKey(out->integration.id, "new")));
        QCOMPARE(m_secrets.values.value(out->integration.id), QByteArray("new"));
        QVERIFY(QCoro::waitFor(manager().disconnect(out->integration.id)));
        QVERIFY(!m_secrets.values.contains(out->integration.id));
        auto stored = IntegrationStore(*m_db, m_clock).get(out->integration.id);
        QCOMPARE(stored->state, QStringLiteral("disconnected"));
        QVERIFY(stored->webhookSecretHash.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIntegrationManager)
#include "tst_integrationmanager.moc"
