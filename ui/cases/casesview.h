#pragma once

#include "domain/case.h"

#include <QWidget>

class QTableView;

namespace cb::ui {

class CaseFilterBar;
class CasePane;
class CasesModel;

// The cases table, searchable and filterable (CaseFilterBar) and sortable by every column, with the selected case's
// pane (CasePane: the case as people read it; change status, priority or assignee; add a comment; hand off). Live
// refreshes change rows in place, so the selection, the scroll position and what is being typed in the pane stay; the
// pane follows the selected case's new values. It only emits what the person asked for; the console sends it to the
// sync thread.
class CasesView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CasesView)

public:
    explicit CasesView(CasesModel *model, QWidget *parent = nullptr);
    qint64 selectedCaseId() const;
    // The helpdesk ticket of the selected case, if it has one.
    std::optional<qint64> selectedTicketId() const;
    void selectCase(qint64 caseId);
    CasePane *pane() const { return m_pane; }
    CaseFilterBar *filterBar() const { return m_filters; }

public Q_SLOTS:
    void showMessage(const QString &message, bool isError);

Q_SIGNALS:
    void editRequested(qint64 caseId, const cb::CaseChanges &changes);
    void commentRequested(qint64 caseId, const QString &text);
    void handoffRequested(qint64 caseId);

private:
    void handleSelection();
    void handleDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void applyFilters();

    CasesModel *m_model;
    CaseFilterBar *m_filters;
    QTableView *m_table;
    CasePane *m_pane;
};

} // namespace cb::ui
