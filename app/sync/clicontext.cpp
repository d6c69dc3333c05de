#include "clicontext.h"

#include "clicommand.h"

#include <QJsonDocument>

#include <cstdio>

namespace cb::cli {

CliContext::CliContext(QCommandLineParser &parser, QStringList positional)
    : m_parser(parser)
    , m_positional(std::move(positional))
    , m_out(stdout)
    , m_err(stderr)
{}

bool CliContext::json() const
{
    return m_parser.isSet(QStringLiteral("json"));
}

Result<Database *> CliContext::database()
{
    if (m_db)
        return m_db.get();
    DatabaseLocation location = DatabaseLocation::defaultLocation();
    if (m_parser.isSet(QStringLiteral("database"))) {
        auto parsed = DatabaseLocation::parse(m_parser.value(QStringLiteral("database")));
        if (!parsed)
            return parsed.error();
        location = *parsed;
    }
    auto db = Database::open(location);
    if (!db)
        return db.error();
    m_db = std::move(db).value();
    return m_db.get();
}

int CliContext::exitCodeFor(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Usage:
        return ExitUsage;
    case Error::Kind::Auth:
        return ExitAuth;
    default:
        return ExitFailure;
    }
}

int CliContext::fail(const Error &error)
{
    m_err << "casebridge-sync: " << error.message << Qt::endl;
    return exitCodeFor(error);
}

int CliContext::usage(const QString &message)
{
    m_err << "casebridge-sync: " << message << Qt::endl;
    return ExitUsage;
}

void CliContext::printJson(const QJsonObject &o)
{
    m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    m_out.flush();
}

void CliContext::printJson(const QJsonArray &a)
{
    m_out << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented));
    m_out.flush();
}

} // namespace cb::cli
