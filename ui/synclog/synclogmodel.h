#pragma once

#include "domain/synclogentry.h"
#include "synclogfilter.h"

#include <QAbstractTableModel>

namespace cb {
class Database;
}

namespace cb::ui {

// ticket_sync_log, newest first, read through the GUI thread's read-only connection. Rows load on demand
// (canFetchMore/fetchMore) with keyset paging on id, never OFFSET; appendNewer() puts rows logged since the last look
// at the top (wired to SyncService::logAppended). A filter re-queries with SQL.
class SyncLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncLogModel)

public:
    enum Column
    {
        TimeColumn,
        DirectionColumn,
        EventColumn,
        TicketColumn,
        CaseColumn,
        ResultColumn,
        LatencyColumn,
        ErrorColumn,
        ColumnCount
    };
    static constexpr int EntryIdRole = Qt::UserRole + 1;
    // The stored values ("inbound", "applied", "webhook"…) as the console's language says them; unknown ones as
    // they are.
    static QString directionLabel(const QString &direction);
    static QString resultLabel(const QString &result);
    static QString sourceLabel(const QString &source);

    explicit SyncLogModel(Database *readOnly, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    const SyncLogEntry *entryAt(int row) const;
    const SyncLogFilter &filter() const { return m_filter; }
    void setFilter(const SyncLogFilter &filter);
    void setPageSize(int n) { m_pageSize = n; }
    QString lastError() const { return m_lastError; }

    // The rows of one keyset page, newest first, matching filter: afterId < id < beforeId (0 = no bound) and
    // id <= upTo (-1 = no bound).
    struct Range
    {
        qint64 beforeId = 0;
        qint64 upTo = -1;
        qint64 afterId = 0;
    };
    static QList<SyncLogEntry> page(Database *db, const SyncLogFilter &filter, Range range, int limit,
                                    QString *error = nullptr);

public Q_SLOTS:
    // Rows logged after the newest one seen, matching the filter, go to the top.
    void appendNewer();
    void reload();

private:
    qint64 maxId();

    Database *m_db;
    SyncLogFilter m_filter;
    QList<SyncLogEntry> m_rows;
    qint64 m_newestSeen = -1; // the newest id in the table when last looked (-1: not looked yet)
    bool m_atEnd = false;
    bool m_fetching = false; // views and testers may ask for more while rows are being inserted
    int m_pageSize = 200;
    QString m_lastError;
};

} // namespace cb::ui
