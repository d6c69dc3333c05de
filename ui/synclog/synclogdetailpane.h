#pragma once

#include "domain/synclogentry.h"

#include <QTextBrowser>

namespace cb {
class Database;
}

namespace cb::ui {

// The selected sync-log row in full: what happened, each change as before → after (agents and groups by name, from
// the account's directory), latency and error.
class SyncLogDetailPane final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncLogDetailPane)

public:
    explicit SyncLogDetailPane(Database *readOnly = nullptr, QWidget *parent = nullptr);

    void showEntry(const SyncLogEntry *entry);
    static QString valueText(const QJsonValue &v);

private:
    Database *m_db;
};

} // namespace cb::ui
