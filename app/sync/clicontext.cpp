#include "clicontext.h"

#include "clicommand.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

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

qint64 CliContext::parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)([smhd])$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0);
    return unit == QLatin1Char('s')   ? n
           : unit == QLatin1Char('m') ? n * 60
           : unit == QLatin1Char('h') ? n * 3600
                                      : n * 86400;
}

Result<QByteArray> CliContext::readApiKey()
{
    QByteArray key;
    if (m_parser.isSet(QStringLiteral("api-key-file"))) {
        QFile f(m_parser.value(QStringLiteral("api-key-file")));
        if (!f.open(QIODevice::ReadOnly))
            return Error::make(Error::Kind::Usage,
                               QStringLiteral("Cannot read the API key file %1.").arg(f.fileName()));
        key = f.readAll().trimmed();
    } else if (m_parser.isSet(QStringLiteral("api-key-stdin"))) {
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly))
            key = in.readLine().trimmed();
    } else {
        return Error::make(Error::Kind::Usage,
                           QStringLiteral("Give the API key with --api-key-file F or --api-key-stdin."));
    }
    if (key.isEmpty())
        return Error::make(Error::Kind::Usage, QStringLiteral("The API key is empty."));
    return key;
}

} // namespace cb::cli
