#include "sqlvalues.h"

#include "common/clock.h"

#include <QJsonDocument>

namespace cb::sql {

QVariant fromOptional(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qint64>());
}

std::optional<qint64> toOptionalInt(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return std::nullopt;
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

QVariant fromTime(const QDateTime &t)
{
    return t.isValid() ? QVariant(toStoreTime(t)) : QVariant(QMetaType::fromType<QString>());
}

QDateTime toTime(const QVariant &v)
{
    return v.isNull() ? QDateTime() : fromStoreTime(v.toString());
}

QString fromJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject toJson(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

QVariant fromText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}

} // namespace cb::sql
