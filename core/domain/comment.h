#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace cb {

struct Comment
{
    qint64 id = 0;
    qint64 caseId = 0;
    std::optional<qint64> externalId; // the helpdesk conversation id, once known
    QString author;
    QString body;
    bool isPrivate = false;
    QString source; // a ChangeSource name
    QDateTime createdAt;
};

} // namespace cb
