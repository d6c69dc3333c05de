#include "payloadredactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace cb::ui {

namespace {
constexpr qsizetype kMaxChars = 64 * 1024;

bool looksSecret(const QString &key)
{
    static const QRegularExpression secretKey(QStringLiteral("secret|password|passwd|token|api[_-]?key|authori[sz]"),
                                              QRegularExpression::CaseInsensitiveOption);
    return secretKey.match(key).hasMatch();
}

QJsonValue scrub(const QJsonValue &v)
{
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = looksSecret(it.key()) ? QJsonValue(QStringLiteral("•••")) : scrub(it.value());
        return o;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = scrub(a.at(i));
        return a;
    }
    return v;
}

QString maskEmails(QString text)
{
    static const QRegularExpression email(QStringLiteral("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)"));
    return text.replace(email, QStringLiteral("\\1•••@\\2"));
}
} // namespace

QString PayloadRedactor::redact(const QByteArray &body)
{
    QString text;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray())) {
        const QJsonValue clean = scrub(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
        text = QString::fromUtf8(clean.isObject() ? QJsonDocument(clean.toObject()).toJson(QJsonDocument::Indented)
                                                  : QJsonDocument(clean.toArray()).toJson(QJsonDocument::Indented));
    } else if (!body.trimmed().startsWith('{') && body.contains('=')) {
        QByteArray plus = body;
        plus.replace('+', "%20");
        const QUrlQuery q(QString::fromUtf8(plus));
        QStringList lines;
        for (const auto &kv : q.queryItems(QUrl::FullyDecoded))
            lines << kv.first + QStringLiteral(" = ") + (looksSecret(kv.first) ? QStringLiteral("•••") : kv.second);
        text = lines.join(QLatin1Char('\n'));
    } else {
        text = QString::fromUtf8(body); // unreadable: shown as received (that is why it failed)
    }
    text = maskEmails(text);
    if (text.size() > kMaxChars)
        text = text.left(kMaxChars) + QStringLiteral("\n…");
    return text;
}

} // namespace cb::ui
