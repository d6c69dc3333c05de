#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QStringList>

#include <optional>

namespace cb {

// What to import: tickets by id, or by filter (status names, updated since, limit).
struct ImportRequest
{
    QList<qint64> ticketIds;  // non-empty: import exactly these
    QStringList statuses;     // filter: case status names (open, pending, …); empty = any
    QDateTime updatedSince;   // filter: invalid = all time (not the API's 30-day default)
    std::optional<int> limit; // filter: at most this many tickets
    bool backfill = false;    // the first-connect backfill (open + pending, last 180 days)
};

struct ImportSummary
{
    int imported = 0;      // new cases
    int alreadyLinked = 0; // tickets that already had a case (updated if they differed)
    int failed = 0;
    QStringList failures; // one sentence each: "Ticket 12: …"
    int calls = 0;
    bool cancelled = false;
};

// Shown before an import starts.
struct ImportEstimate
{
    int calls = 0;
    bool upperBound = false; // true when the number of matching tickets is unknown
    double seconds = 0;      // at the account's per-minute limit for the endpoint
};

} // namespace cb

Q_DECLARE_METATYPE(cb::ImportSummary)
Q_DECLARE_METATYPE(cb::ImportRequest)
