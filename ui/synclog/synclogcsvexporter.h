#pragma once

#include "domain/synclogfilter.h"

#include <QFile>
#include <QObject>

namespace cb {
class Database;
}

namespace cb::ui {

// Writes the filtered sync log to a CSV file in chunks (one keyset page per event-loop turn), so the console stays
// responsive while a million rows go out. Deletes itself when done.
class SyncLogCsvExporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncLogCsvExporter)

public:
    SyncLogCsvExporter(Database *readOnly, SyncLogFilter filter, const QString &path, QObject *parent = nullptr);

    void start();
    void cancel();
    static QString csvField(const QString &value);

Q_SIGNALS:
    void progress(qint64 rows);
    void finished(bool ok, const QString &message);

private:
    void writeChunk();
    void finish(bool ok, const QString &message);

    Database *m_db;
    SyncLogFilter m_filter;
    QFile m_file;
    qint64 m_before = 0;
    qint64 m_upTo = -1;
    qint64 m_rows = 0;
    bool m_cancelled = false;
};

} // namespace cb::ui
