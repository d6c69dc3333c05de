#pragma once

#include "storage/caselistquery.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTimer;

namespace cb {
class Database;
}

namespace cb::ui {

// Above the cases table: a search field (subject, requester, ticket number) and the helpdesk and status filters.
// Emits what to show as a CaseListQuery view (without the sort, which is the table's); typing is settled for a
// moment first, so one search runs per pause, not per key.
class CaseFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseFilterBar)

public:
    explicit CaseFilterBar(Database *readOnly, QWidget *parent = nullptr);

    // The search and filters as chosen now (sort: the default).
    CaseListQuery::View view() const;
    // Rereads the connected helpdesks into the helpdesk filter (the chosen one stays if it still exists).
    void reloadHelpdesks();
    // Back to every case (no search, every helpdesk and status), without emitting viewChanged.
    void clear();

Q_SIGNALS:
    void viewChanged();

private:
    Database *m_db;
    QLineEdit *m_search;
    QComboBox *m_helpdesk;
    QComboBox *m_status;
    QTimer *m_settle;
};

} // namespace cb::ui
