#pragma once

#include "common/result.h"
#include "storage/database.h"
#include "storage/databaselocation.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace cb::cli {

// What a command gets: its parsed arguments, the output streams, and the store on demand.
class CliContext
{
public:
    CliContext(QCommandLineParser &parser, QStringList positional);

    QCommandLineParser &parser() { return m_parser; }
    // Arguments after the subcommand name.
    const QStringList &args() const { return m_positional; }
    bool json() const;
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // Opens (and if needed creates and migrates) the store named by --database, else the default.
    Result<Database *> database();

    // Prints the error's message to stderr (one sentence) and returns the exit code its kind maps to.
    int fail(const Error &error);
    int usage(const QString &message);
    void printJson(const QJsonObject &o);
    void printJson(const QJsonArray &a);

    static int exitCodeFor(const Error &error);
    // The API key from --api-key-file F or --api-key-stdin (first line), trimmed; a Usage error otherwise.
    Result<QByteArray> readApiKey();
    // "30s", "10m", "24h", "2d" (DESIGN.md §5.2) to seconds; -1 when malformed.
    static qint64 parseDuration(const QString &text);

private:
    QCommandLineParser &m_parser;
    QStringList m_positional;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<Database> m_db;
};

} // namespace cb::cli
