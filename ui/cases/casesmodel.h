#pragma once

#include "domain/case.h"

#include <QAbstractTableModel>

namespace cb {
class Database;
}

namespace cb::ui {

// The cases of the store, newest first, loaded in pages on demand (fetchMore, keyset on id) from the GUI thread's
// read-only connection (CaseListQuery). refresh() rereads what is loaded and changes it in place (rows inserted,
// removed or changed; never a model reset), so a live refresh keeps the views' selection, scroll and editors.
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
        ChannelColumn, // where the ticket came from (last: saved header layouts keep their columns)
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

    const Case *caseAt(int row) const;
    int rowOf(qint64 caseId) const;
    void setPageSize(int n) { m_pageSize = n; }
    QString lastError() const { return m_lastError; }

public Q_SLOTS:
    void refresh();

private:
    QList<Case> load(qint64 beforeId, int limit);
    void merge(const QList<Case> &fresh);
    static bool sameRow(const Case &a, const Case &b);

    Database *m_db;
    QList<Case> m_cases;
    bool m_atEnd = false;
    bool m_fetching = false; // views and testers may ask for more while rows are being inserted
    int m_pageSize = 200;
    QString m_lastError;
};

} // namespace cb::ui
