#pragma once

#include "domain/synclogentry.h"

#include <QTextBrowser>

namespace cb::ui {

// The selected sync-log row in full: what happened, each change as before → after, latency and error.
class SyncLogDetailPane final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncLogDetailPane)

public:
    explicit SyncLogDetailPane(QWidget *parent = nullptr);

    void showEntry(const SyncLogEntry *entry);
    static QString valueText(const QJsonValue &v);
};

} // namespace cb::ui
