#pragma once

#include "domain/case.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace cb::ui {

class CasesModel;

// The cases table with an action pane: change status, priority or assignee; add a comment; hand off.
// It only emits what the person asked for; the console sends it to the sync thread.
class CasesView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CasesView)

public:
    explicit CasesView(CasesModel *model, QWidget *parent = nullptr);
    qint64 selectedCaseId() const;
    void selectCase(qint64 caseId);

public Q_SLOTS:
    void showMessage(const QString &message, bool isError);

Q_SIGNALS:
    void editRequested(qint64 caseId, const cb::CaseChanges &changes);
    void commentRequested(qint64 caseId, const QString &text);
    void handoffRequested(qint64 caseId);

private:
    void handleSelection();
    void handleSave();
    void handleComment();

    CasesModel *m_model;
    QTableView *m_table;
    QComboBox *m_status;
    QComboBox *m_priority;
    QLineEdit *m_assignee;
    QPushButton *m_save;
    QPlainTextEdit *m_comment;
    QPushButton *m_addComment;
    QPushButton *m_handoff;
    QLabel *m_message;
};

} // namespace cb::ui
