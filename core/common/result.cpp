#include "result.h"

#include <QDebug>

namespace cb {

Error Error::make(Kind kind, QString message, QString detail)
{
    Error e;
    e.kind = kind;
    e.message = std::move(message);
    e.detail = std::move(detail);
    return e;
}

bool Error::isTransient() const
{
    return kind == Kind::Unavailable || kind == Kind::RateLimited;
}

QString Error::toLogString() const
{
    if (detail.isEmpty())
        return message;
    return message + QStringLiteral(" (") + detail + QLatin1Char(')');
}

void logIfFailed(const Error &error, const char *what)
{
    qWarning("casebridge: %s failed: %s", what, qUtf8Printable(error.toLogString()));
}

} // namespace cb
