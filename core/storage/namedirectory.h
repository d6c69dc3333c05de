#pragma once

#include "common/result.h"
#include "domain/directorynames.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace cb {

class Clock;
class Database;
struct Integration;

// The helpdesk_directory table: the agents, groups and companies of each account (provider + normalised
// domain), so a reconnected account keeps its names. Filled by DirectoryRefresher.
class NameDirectory
{
public:
    NameDirectory(Database &db, const Clock &clock);

    // The account's entries of `kind` become exactly `entries` (one transaction).
    Status replace(const QString &provider, const QString &account, DirectoryKind kind,
                   const QList<DirectoryEntry> &entries);
    Result<DirectoryNames> forAccount(const QString &provider, const QString &account);
    Result<DirectoryNames> forIntegration(const QString &integrationId);
    // Every integration's names, by integration id (for views that show many).
    Result<QHash<QString, DirectoryNames>> byIntegration();
    // Who wrote a conversation entry, from the store alone: the agent's name; else, for an incoming entry (the
    // customer's side), the case's requester; else empty.
    QString knownAuthor(const Integration &integration, qint64 caseId, qint64 userId, bool incoming);
    // The same, reading "user N (unknown)" when the store cannot tell.
    QString conversationAuthor(const Integration &integration, qint64 caseId, std::optional<qint64> userId,
                               bool incoming);
    static QString unknownUser(qint64 userId);

    static QString kindName(DirectoryKind kind); // agent | group | company, as stored

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace cb
