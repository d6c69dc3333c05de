#pragma once

#include "common/result.h"

#include <QJsonArray>
#include <QString>

namespace cb {

class Database;

struct CallerMatch
{
    QString e164;         // the caller's number as E.164 digits; empty when it is no number
    QJsonArray customers; // [{id, name, email}]
    QJsonArray tickets;   // the matched customers' open cases, newest first: [{case_id, ticket_id, subject, …}]
};

// Who is calling, answered from the local store alone (never the helpdesk: telephony gives a webhook a couple of
// hundred milliseconds): the number normalised to E.164, matched on every recorded phone field by an indexed
// query, and the matches' open tickets.
class CallerLookup
{
public:
    explicit CallerLookup(Database &db);
    Result<CallerMatch> lookup(qint64 workspaceId, const QString &phoneNumber, const QString &callingCode,
                               int maxTickets = 20);

private:
    Database &m_db;
};

} // namespace cb
