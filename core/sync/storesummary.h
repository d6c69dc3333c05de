#pragma once

#include <QMetaType>
#include <QString>

namespace cb {

// What the console shows before anything else: the store is open and how much it holds.
struct StoreSummary
{
    QString location;
    int schemaVersion = 0;
    int integrations = 0;
    qint64 cases = 0;
    qint64 inboxPending = 0;
    qint64 outboxPending = 0;
};

} // namespace cb

Q_DECLARE_METATYPE(cb::StoreSummary)
