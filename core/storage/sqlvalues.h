#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QVariant>

#include <optional>

namespace cb::sql {

// Conversions between value types and what Qt Sql binds and returns, identical on SQLite and PostgreSQL.
QVariant fromOptional(const std::optional<qint64> &v);
std::optional<qint64> toOptionalInt(const QVariant &v);
QVariant fromTime(const QDateTime &t);
QDateTime toTime(const QVariant &v);
QString fromJson(const QJsonObject &o);
QJsonObject toJson(const QVariant &v);
QVariant fromText(const QString &s); // empty -> NULL
QVariant text(const QString &s);     // never NULL: a null QString binds as ''

} // namespace cb::sql
