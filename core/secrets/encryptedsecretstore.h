#pragma once

#include "secrets/secretstore.h"

namespace cb {

class Clock;
class Database;

// API keys encrypted at rest with AES-256-GCM under ENCRYPTION_KEY (64 hex characters), for headless use.
// Each write has a fresh 12-byte nonce; the integration id is the associated data, so a ciphertext copied to
// another integration does not decrypt. Stored in the credentials table (nonce and ciphertext+tag, base64).
class EncryptedSecretStore final : public SecretStore
{
public:
    // Refuses a key that is not exactly 64 hex characters (the message never repeats the key).
    static Result<QByteArray> parseKey(const QByteArray &hex);

    EncryptedSecretStore(Database &db, const Clock &clock, QByteArray key);
    ~EncryptedSecretStore() override;

    QCoro::Task<Result<QByteArray>> read(QString integrationId) override;
    QCoro::Task<Status> write(QString integrationId, QByteArray secret) override;
    QCoro::Task<Status> remove(QString integrationId) override;
    QString backendName() const override { return QStringLiteral("aes-gcm"); }

    Result<QByteArray> decrypt(const QString &integrationId, const QByteArray &nonce, const QByteArray &sealed) const;
    Result<QByteArray> encrypt(const QString &integrationId, const QByteArray &nonce, const QByteArray &plain) const;

private:
    Database &m_db;
    const Clock &m_clock;
    QByteArray m_key;
};

} // namespace cb
