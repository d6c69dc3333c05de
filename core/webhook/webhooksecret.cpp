#include "webhooksecret.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <openssl/crypto.h>

namespace cb {

QString WebhookSecret::generate()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray WebhookSecret::hash(const QByteArray &secret)
{
    return QCryptographicHash::hash(secret, QCryptographicHash::Sha256);
}

bool WebhookSecret::matches(const QByteArray &presented, const QByteArray &expectedHash)
{
    const QByteArray h = hash(presented);
    if (expectedHash.size() != h.size())
        return false;
    return CRYPTO_memcmp(h.constData(), expectedHash.constData(), size_t(h.size())) == 0;
}

} // namespace cb
