#include "directorynames.h"

#include <QCoreApplication>

#include <algorithm>

namespace cb {

void DirectoryNames::insert(DirectoryKind kind, const DirectoryEntry &entry)
{
    m_entries.insert({int(kind), entry.id}, entry);
}

std::optional<DirectoryEntry> DirectoryNames::find(DirectoryKind kind, qint64 id) const
{
    const auto it = m_entries.constFind({int(kind), id});
    if (it == m_entries.cend())
        return std::nullopt;
    return *it;
}

QString DirectoryNames::name(DirectoryKind kind, qint64 id) const
{
    const auto found = find(kind, id);
    if (!found || found->name.isEmpty())
        return unknown(kind, id);
    return found->name;
}

QString DirectoryNames::name(DirectoryKind kind, const std::optional<qint64> &id) const
{
    return id ? name(kind, *id) : QString();
}

QList<DirectoryEntry> DirectoryNames::entries(DirectoryKind kind) const
{
    QList<DirectoryEntry> out;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it.key().first == int(kind))
            out << it.value();
    }
    std::sort(out.begin(), out.end(), [](const DirectoryEntry &a, const DirectoryEntry &b) {
        const int c = QString::localeAwareCompare(a.name, b.name);
        return c != 0 ? c < 0 : a.id < b.id;
    });
    return out;
}

QString DirectoryNames::unknown(DirectoryKind kind, qint64 id)
{
    switch (kind) {
    case DirectoryKind::Agent:
        return QCoreApplication::translate("cb::DirectoryNames", "agent %1 (unknown)").arg(id);
    case DirectoryKind::Group:
        return QCoreApplication::translate("cb::DirectoryNames", "group %1 (unknown)").arg(id);
    case DirectoryKind::Company:
        return QCoreApplication::translate("cb::DirectoryNames", "company %1 (unknown)").arg(id);
    }
    return QString::number(id);
}

} // namespace cb
