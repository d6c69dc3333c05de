#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace cb {

// What a helpdesk id names.
enum class DirectoryKind
{
    Agent,
    Group,
    Company
};

struct DirectoryEntry
{
    qint64 id = 0;
    QString name;
    QString email; // agents only
};

// The names of one account's agents, groups and companies, read once for a view. An id the directory does not
// know reads "agent 7 (unknown)" (in the console's language).
class DirectoryNames
{
public:
    void insert(DirectoryKind kind, const DirectoryEntry &entry);
    std::optional<DirectoryEntry> find(DirectoryKind kind, qint64 id) const;
    QString name(DirectoryKind kind, qint64 id) const;
    QString name(DirectoryKind kind, const std::optional<qint64> &id) const; // empty for no id
    QList<DirectoryEntry> entries(DirectoryKind kind) const;                 // by name
    bool isEmpty() const { return m_entries.isEmpty(); }

    static QString unknown(DirectoryKind kind, qint64 id);

private:
    QHash<QPair<int, qint64>, DirectoryEntry> m_entries;
};

} // namespace cb
