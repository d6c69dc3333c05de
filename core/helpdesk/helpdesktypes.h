#pragma once

#include "domain/ticket.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace cb {

// The agent who owns the API key (/agents/me), and whether it may administer the account.
struct HelpdeskAgent
{
    qint64 id = 0;
    QString name;
    QString email;
    bool isAdmin = false;
    QList<qint64> groupIds;
    QList<qint64> roleIds;
};

struct HelpdeskGroup
{
    qint64 id = 0;
    QString name;
};

struct HelpdeskContact
{
    qint64 id = 0;
    QString name;
    QString email;
    QString phone;
    QString mobile;
    std::optional<qint64> companyId;
};

struct HelpdeskCompany
{
    qint64 id = 0;
    QString name;
    QStringList domains;
};

// A note or reply on a ticket (Freshdesk "conversation").
struct Conversation
{
    qint64 id = 0;
    qint64 ticketId = 0;
    QString body; // HTML
    QString bodyText;
    bool isPrivate = false;
    bool incoming = false;
    int source = 0; // 0 reply, 2 note, …
    std::optional<qint64> userId;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// What to list. An invalid updatedSince means "all time" (the client then defeats the API's 30-day default).
struct TicketQuery
{
    QDateTime updatedSince;
    QStringList include;      // list includes: requester, stats, description, company (each costs 2 credits)
    QString filter;           // optional predefined filter: spam | deleted | …
    std::optional<int> limit; // stop after this many tickets
    // Only tickets in these statuses are wanted (ids). A hint: a client may ask the server to filter (Freshservice's
    // /tickets/filter) when that is cheaper, and may still return others, so callers filter too.
    QList<int> statuses;
};

// Called after every page; return false to cancel the listing.
using TicketPageCallback = std::function<bool(const QList<Ticket> &page, int pagesSoFar)>;

struct TicketListing
{
    QList<Ticket> tickets; // deduplicated by (id, updated_at), oldest update first
    int pages = 0;
    int calls = 0;
    bool cancelled = false;
};

// API budget and counters, for metrics, the health panel and the benchmarks.
struct ApiUsage
{
    QHash<QString, qint64> callsByEndpoint; // e.g. "GET /tickets" -> 312
    QHash<QString, qint64> creditsByEndpoint;
    qint64 totalCalls = 0;
    qint64 totalCredits = 0;
    int rateLimitTotal = -1;     // X-RateLimit-Total of the last answer, -1 unknown
    int rateLimitRemaining = -1; // X-RateLimit-Remaining of the last answer, -1 unknown
};

} // namespace cb
