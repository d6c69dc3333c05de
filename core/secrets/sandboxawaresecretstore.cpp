#include "sandboxawaresecretstore.h"

#include "common/clock.h"
#include "helpdesk/builtinsandbox.h"
#include "storage/database.h"

#include <QCoreApplication>

namespace cb {

SandboxAwareSecretStore::SandboxAwareSecretStore(Database &db, const Clock &clock, std::unique_ptr<SecretStore> real,
                                                 Error realUnavailable)
    : m_db(db)
    , m_clock(clock)
    , m_real(std::move(real))
    , m_realUnavailable(std::move(realUnavailable))
{}

QString SandboxAwareSecretStore::backendName() const
{
    return m_real ? m_real->backendName() : QStringLiteral("sandbox");
}

QCoro::Task<Status> SandboxAwareSecretStore::checkWritable()
{
    if (!m_real)
        co_return unavailable();
    co_return co_await m_real->checkWritable();
}

bool SandboxAwareSecretStore::isSandboxKey(const QString &domain, const QByteArray &key)
{
    return BuiltInSandbox::isSandboxAccount(domain, key);
}

Error SandboxAwareSecretStore::unavailable() const
{
    if (!m_realUnavailable.message.isEmpty())
        return m_realUnavailable;
    Error e =
        Error::make(Error::Kind::Unsupported,
                    QCoreApplication::translate("cb::CoreMessages",
                                                "No secret store is available: set ENCRYPTION_KEY to 64 hex characters "
                                                "(e.g. `openssl rand -hex 32`) or run inside a desktop session with a "
                                                "keyring."));
    e.code = QStringLiteral("no_secret_store");
    return e;
}

Result<bool> SandboxAwareSecretStore::isSandboxIntegration(const QString &integrationId, const QByteArray &key)
{
    auto domain = m_db.scalar(QStringLiteral("SELECT domain FROM integrations WHERE id = ?"), {integrationId});
    if (!domain)
        return domain.error();
    return domain->isValid() && isSandboxKey(domain->toString(), key);
}

QCoro::Task<Result<QByteArray>> SandboxAwareSecretStore::read(QString integrationId)
{
    auto kept = m_db.scalar(
        QStringLiteral("SELECT ciphertext FROM credentials WHERE integration_id = ? AND backend = 'sandbox'"),
        {integrationId});
    if (!kept)
        co_return kept.error();
    if (kept->isValid())
        co_return QByteArray::fromBase64(kept->toString().toLatin1());
    if (!m_real)
        co_return unavailable();
    co_return co_await m_real->read(integrationId);
}

QCoro::Task<Status> SandboxAwareSecretStore::write(QString integrationId, QByteArray secret)
{
    auto sandbox = isSandboxIntegration(integrationId, secret);
    if (!sandbox)
        co_return sandbox.error();
    if (!*sandbox) {
        if (!m_real)
            co_return unavailable();
        auto dropped =
            m_db.exec(QStringLiteral("DELETE FROM credentials WHERE integration_id = ? AND backend = 'sandbox'"),
                      {integrationId});
        if (!dropped)
            co_return dropped.error();
        co_return co_await m_real->write(integrationId, secret);
    }
    auto q =
        m_db.exec(QStringLiteral("INSERT INTO credentials (integration_id, backend, nonce, ciphertext, created_at) "
                                 "VALUES (?, 'sandbox', NULL, ?, ?) ON CONFLICT (integration_id) DO UPDATE SET "
                                 "backend = excluded.backend, nonce = excluded.nonce, "
                                 "ciphertext = excluded.ciphertext, created_at = excluded.created_at"),
                  {integrationId, QString::fromLatin1(secret.toBase64()), toStoreTime(m_clock.nowUtc())});
    if (!q)
        co_return q.error();
    co_return Ok{};
}

QCoro::Task<Status> SandboxAwareSecretStore::remove(QString integrationId)
{
    auto q = m_db.exec(QStringLiteral("DELETE FROM credentials WHERE integration_id = ? AND backend = 'sandbox'"),
                       {integrationId});
    if (!q)
        co_return q.error();
    if (q->numRowsAffected() > 0 || !m_real)
        co_return Ok{}; // a sandbox key was never in the real store
    co_return co_await m_real->remove(integrationId);
}

} // namespace cb
