#pragma once

#include "domain/case.h"
#include "storage/caselistquery.h"

#include <QAbstractTableModel>

namespace cb {
class Database;
}

namespace cb::ui {

// The cases of the store as the view asks for them (searched, filtered, sorted by any column: setView and sort, done
// in SQL by CaseListQuery), loaded in bounded pages on demand (fetchMore) from the GUI thread's read-only
// connection. refresh() rereads what is loaded and changes it in place (rows inserted, moved, removed or changed;
// never a model reset), so a live refresh keeps the views' selection, scroll and editors. Only a new view resets.
class CasesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CasesModel)

public:
    enum Column
    {
        IdColumn,
        SubjectColumn,
        StatusColumn,
        PriorityColumn,
        AssigneeColumn,
        TicketColumn,
        UpdatedColumn,
        ChannelColumn, // where the ticket came from (new columns go last: saved header layouts keep their columns)
        RequesterColumn,
        ColumnCount
    };
    static constexpr int CaseIdRole = Qt::UserRole + 1;
    // "phone" → "Phone", as people say it; a code without a name ("source-12") as it is.
    static QString channelLabel(const QString &channel);
    // "pending" → "Pending", "urgent" → "Urgent"; an account's custom status label as it is.
    static QString statusLabel(const QString &status);
    static QString priorityLabel(const QString &priority);

    explicit CasesModel(Database *readOnly, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // Search and filters (the sort stays); resets the rows.
    void setView(const CaseListQuery::View &view);
    CaseListQuery::View view() const { return m_view; }
    Database *database() const { return m_db; }

    const Case *caseAt(int row) const;
    const CaseListRow *rowAt(int row) const;
    int rowOf(qint64 caseId) const;
    void setPageSize(int n) { m_pageSize = n; }
    QString lastError() const { return m_lastError; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void refreshed(); // after every refresh(), changed or not: the selected case's pane rereads its conversation

private:
    QList<CaseListRow> load(int offset, int limit);
    void merge(const QList<CaseListRow> &fresh);
    static bool sameRow(const CaseListRow &a, const CaseListRow &b);
    static CaseListQuery::SortKey sortKeyOf(int column);

    Database *m_db;
    CaseListQuery::View m_view;
    QList<CaseListRow> m_cases;
    bool m_atEnd = false;
    bool m_fetching = false; // views and testers may ask for more while rows are being inserted
    int m_pageSize = 200;
    QString m_lastError;
};

} // namespace cb::ui
