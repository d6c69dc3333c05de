#include "encryptedsecretstore.h"

#include "common/clock.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <memory>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace cb {

namespace {
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

Error cryptoError(const QString &message)
{
    return Error::make(Error::Kind::Internal, message);
}
} // namespace

Result<QByteArray> EncryptedSecretStore::parseKey(const QByteArray &hex)
{
    const QByteArray trimmed = hex.trimmed();
    bool allHex = trimmed.size() == 64;
    for (char c : trimmed)
        allHex = allHex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    if (!allHex) {
        Error e =
            Error::make(Error::Kind::Usage,
                        QCoreApplication::translate(
                            "cb::CoreMessages", "ENCRYPTION_KEY must be exactly 64 hexadecimal characters (32 bytes); "
                                                "generate one with `openssl rand -hex 32`."));
        e.code = QStringLiteral("bad_encryption_key");
        return e;
    }
    return QByteArray::fromHex(trimmed);
}

EncryptedSecretStore::EncryptedSecretStore(Database &db, const Clock &clock, QByteArray key)
    : m_db(db)
    , m_clock(clock)
    , m_key(std::move(key))
{}

EncryptedSecretStore::~EncryptedSecretStore()
{
    OPENSSL_cleanse(m_key.data(), size_t(m_key.size()));
}

Result<QByteArray> EncryptedSecretStore::encrypt(const QString &integrationId, const QByteArray &nonce,
                                                 const QByteArray &plain) const
{
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    const QByteArray aad = integrationId.toUtf8();
    QByteArray out(plain.size() + kTagBytes, Qt::Uninitialized);
    int len = 0;
    int total = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, reinterpret_cast<const unsigned char *>(m_key.constData()),
                           reinterpret_cast<const unsigned char *>(nonce.constData())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()),
                          int(aad.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len,
                          reinterpret_cast<const unsigned char *>(plain.constData()), int(plain.size())) != 1)
        return cryptoError(QCoreApplication::translate("cb::CoreMessages", "Encrypting the API key failed."));
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.data()) + total, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, out.data() + total + len) != 1)
        return cryptoError(QCoreApplication::translate("cb::CoreMessages", "Encrypting the API key failed."));
    out.resize(total + len + kTagBytes);
    return out;
}

Result<QByteArray> EncryptedSecretStore::decrypt(const QString &integrationId, const QByteArray &nonce,
                                                 const QByteArray &sealed) const
{
    if (nonce.size() != kNonceBytes || sealed.size() < kTagBytes)
        return cryptoError(QCoreApplication::translate(
            "cb::CoreMessages", "The stored API key is damaged; store it again with `rotate-key`."));
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    const QByteArray aad = integrationId.toUtf8();
    const int cipherLen = int(sealed.size()) - kTagBytes;
    QByteArray tag = sealed.right(kTagBytes);
    QByteArray out(cipherLen, Qt::Uninitialized);
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, reinterpret_cast<const unsigned char *>(m_key.constData()),
                           reinterpret_cast<const unsigned char *>(nonce.constData())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char *>(aad.constData()),
                          int(aad.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len,
                          reinterpret_cast<const unsigned char *>(sealed.constData()), cipherLen) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1)
        return cryptoError(QCoreApplication::translate("cb::CoreMessages", "Decrypting the API key failed."));
    int finalLen = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.data()) + len, &finalLen) != 1) {
        Error e = Error::make(Error::Kind::Auth,
                              QCoreApplication::translate("cb::CoreMessages",
                                                          "The stored API key cannot be decrypted: "
                                                          "ENCRYPTION_KEY is not the one it was stored with, or "
                                                          "the record was altered; set the right key or run "
                                                          "`rotate-key`."));
        e.code = QStringLiteral("decrypt_failed");
        return e;
    }
    out.resize(len + finalLen);
    return out;
}

QCoro::Task<Result<QByteArray>> EncryptedSecretStore::read(QString integrationId)
{
    auto q = m_db.exec(QStringLiteral("SELECT nonce, ciphertext FROM credentials WHERE integration_id = ? AND "
                                      "backend = 'aes-gcm'"),
                       {integrationId});
    if (!q)
        co_return q.error();
    if (!q->next())
        co_return Error::make(
            Error::Kind::NotFound,
            QCoreApplication::translate("cb::CoreMessages",
                                        "No API key is stored for integration %1; store one with `rotate-key`.")
                .arg(integrationId));
    const QByteArray nonce = QByteArray::fromBase64(q->value(0).toString().toLatin1());
    const QByteArray sealed = QByteArray::fromBase64(q->value(1).toString().toLatin1());
    co_return decrypt(integrationId, nonce, sealed);
}

QCoro::Task<Status> EncryptedSecretStore::write(QString integrationId, QByteArray secret)
{
    QByteArray nonce(kNonceBytes, Qt::Uninitialized);
    for (int i = 0; i < kNonceBytes; ++i)
        nonce[i] = char(QRandomGenerator::system()->bounded(256));
    auto sealed = encrypt(integrationId, nonce, secret);
    OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    if (!sealed)
        co_return sealed.error();
    auto q =
        m_db.exec(QStringLiteral("INSERT INTO credentials (integration_id, backend, nonce, ciphertext, created_at) "
                                 "VALUES (?, 'aes-gcm', ?, ?, ?) ON CONFLICT (integration_id) DO UPDATE SET "
                                 "backend = excluded.backend, nonce = excluded.nonce, "
                                 "ciphertext = excluded.ciphertext, created_at = excluded.created_at"),
                  {integrationId, QString::fromLatin1(nonce.toBase64()), QString::fromLatin1(sealed->toBase64()),
                   toStoreTime(m_clock.nowUtc())});
    if (!q)
        co_return q.error();
    co_return Ok{};
}

QCoro::Task<Status> EncryptedSecretStore::remove(QString integrationId)
{
    auto q = m_db.exec(QStringLiteral("DELETE FROM credentials WHERE integration_id = ?"), {integrationId});
    if (!q)
        co_return q.error();
    co_return Ok{};
}

} // namespace cb
