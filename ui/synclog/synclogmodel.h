#pragma once

#include "domain/synclogentry.h"
#include "domain/synclogfilter.h"

#include <QAbstractTableModel>
#include <QPersistentModelIndex>

namespace cb {
class Database;
}

namespace cb::ui {

// ticket_sync_log, newest first, read through the GUI thread's read-only connection (SyncLogQuery). The model holds
// a bounded, contiguous window of at most maxRows() rows however long it runs: rows load on demand below
// (canFetchMore/fetchMore, keyset paging on id, never OFFSET) and appendNewer() puts rows logged since the last look
// on top (wired to ConsoleSyncProxy::logAppended), both in place (inserted and removed rows, never a reset), dropping
// rows at the far end. Rows a view holds (hold(): the selected row, the rows on screen) are never dropped; while they
// leave no room, fewer rows come in (appendNewer again, or scrolling back to them, brings the rest). A filter
// re-queries.
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
    // The vocabulary (domain/syncvocabulary.h) as the console's language says it.
    static QString directionLabel(SyncDirection direction);
    static QString resultLabel(SyncResult result);
    static QString eventLabel(const QString &event); // "ticket.update" → "ticket changed"; the tooltip keeps the name
    static QString fieldLabel(const QString &field); // "assignee_id" → "Assignee"; an unknown field keeps its name
    static QString sourceLabel(std::optional<ChangeSource> source);

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
    int maxRows() const { return m_maxRows; }
    void setMaxRows(int n) { m_maxRows = std::max(n, m_pageSize); }
    // Whether rows newer than the window's top match the filter (after appendNewer left some out for want of room,
    // or the top was dropped while paging down).
    bool hasNewer() const;
    // The rows the window must keep (the view's selection and the rows on its screen); replaces the last call's.
    void hold(const QModelIndexList &rows);
    QString lastError() const { return m_lastError; }

public Q_SLOTS:
    // Rows logged after the window's top, matching the filter, go to the top: the newest ones when nothing is held,
    // else as many as fit next to the top.
    void appendNewer();
    void reload();

private:
    qint64 lastId();
    // The first and last held row ({-1, -1}: none).
    std::pair<int, int> heldRows() const;
    int fetchLimit() const;
    void insertOnTop(const QList<SyncLogEntry> &rows);
    void dropTop(int count);
    void dropBelow(int rows);

    Database *m_db;
    SyncLogFilter m_filter;
    QList<SyncLogEntry> m_rows;
    QList<QPersistentModelIndex> m_held;
    qint64 m_newestSeen = -1; // every matching row from the window's bottom up to this id is in it (-1: not looked)
    bool m_atEnd = false;
    bool m_fetching = false; // views and testers may ask for more while rows are being inserted
    int m_pageSize = 200;
    int m_maxRows = 2000;
    QString m_lastError;
};

} // namespace cb::ui
