#include "ticketvocabulary.h"

namespace cb {

namespace {
QString normalise(const QString &s)
{
    return s.trimmed().toLower().replace(QLatin1Char('_'), QLatin1Char(' '));
}
} // namespace

TicketVocabulary::TicketVocabulary()
{
    m_custom.insert(6, QStringLiteral("waiting on customer"));
    m_custom.insert(7, QStringLiteral("waiting on third party"));
}

QString TicketVocabulary::statusName(int statusId) const
{
    switch (statusId) {
    case 2:
        return QStringLiteral("open");
    case 3:
        return QStringLiteral("pending");
    case 4:
        return QStringLiteral("resolved");
    case 5:
        return QStringLiteral("closed");
    default:
        break;
    }
    const auto it = m_custom.constFind(statusId);
    if (it != m_custom.cend())
        return it.value();
    return QStringLiteral("status-%1").arg(statusId);
}

std::optional<int> TicketVocabulary::statusId(const QString &name) const
{
    const QString n = normalise(name);
    for (int id = 2; id <= 5; ++id) {
        if (statusName(id) == n)
            return id;
    }
    for (auto it = m_custom.cbegin(); it != m_custom.cend(); ++it) {
        if (normalise(it.value()) == n)
            return it.key();
    }
    if (n.startsWith(QLatin1String("status-"))) {
        bool ok = false;
        const int id = n.mid(7).toInt(&ok);
        if (ok && id > 0)
            return id;
    }
    return std::nullopt;
}

QString TicketVocabulary::priorityName(int priorityId)
{
    switch (priorityId) {
    case 1:
        return QStringLiteral("low");
    case 2:
        return QStringLiteral("medium");
    case 3:
        return QStringLiteral("high");
    case 4:
        return QStringLiteral("urgent");
    default:
        return QStringLiteral("priority-%1").arg(priorityId);
    }
}

std::optional<int> TicketVocabulary::priorityId(const QString &name)
{
    const QString n = normalise(name);
    for (int id = 1; id <= 4; ++id) {
        if (priorityName(id) == n)
            return id;
    }
    return std::nullopt;
}

void TicketVocabulary::setCustomStatus(int id, const QString &label)
{
    m_custom.insert(id, normalise(label));
}

std::optional<int> TicketVocabulary::parseStatus(const QString &nameOrId) const
{
    bool isNumber = false;
    const int id = nameOrId.trimmed().toInt(&isNumber);
    if (isNumber)
        return id > 0 ? std::optional<int>(id) : std::nullopt;
    return statusId(nameOrId);
}

std::optional<int> TicketVocabulary::parsePriority(const QString &nameOrId)
{
    bool isNumber = false;
    const int id = nameOrId.trimmed().toInt(&isNumber);
    if (isNumber)
        return (id >= 1 && id <= 4) ? std::optional<int>(id) : std::nullopt;
    return priorityId(nameOrId);
}

} // namespace cb
