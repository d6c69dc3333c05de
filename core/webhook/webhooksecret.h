#pragma once

#include <QByteArray>
#include <QString>

namespace cb {

// Webhook secrets: 32 random bytes, base64url; only their SHA-256 is ever stored.
class WebhookSecret
{
public:
    static QString generate();
    static QByteArray hash(const QByteArray &secret);
    // Constant-time comparison of the SHA-256 of `presented` with `expectedHash`.
    static bool matches(const QByteArray &presented, const QByteArray &expectedHash);
};

} // namespace cb
