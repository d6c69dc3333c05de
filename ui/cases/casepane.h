#pragma once

#include "domain/case.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace cb::ui {

// The pane beside the cases table: the selected case's status, priority and assignee to change, a comment to add,
// a hand-off. showCase() is called on selection and on every live refresh of that case: a field the person has not
// touched takes the case's new value at once (never a stale one); a field they changed keeps their value, marked
// as not saved, with what the case has now; the comment being written is never touched.
class CasePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CasePane)

public:
    explicit CasePane(QWidget *parent = nullptr);

    // The case to show (nullptr: none selected, the pane is disabled).
    void showCase(const Case *c);
    qint64 caseId() const { return m_shown ? m_shown->id : 0; }
    // The fields changed here and not saved yet (column names, CaseField).
    QStringList unsavedFields() const;

public Q_SLOTS:
    void showMessage(const QString &message, bool isError);

Q_SIGNALS:
    void editRequested(qint64 caseId, const cb::CaseChanges &changes);
    void commentRequested(qint64 caseId, const QString &text);
    void handoffRequested(qint64 caseId);

private:
    void load(const Case &c);
    void markUnsaved();
    CaseChanges changes() const;
    std::optional<qint64> assigneeInput() const;
    void handleSave();
    void handleComment();

    std::optional<Case> m_shown; // the case's values as last shown: what "unsaved" is measured against
    QComboBox *m_status;
    QComboBox *m_priority;
    QLineEdit *m_assignee;
    QPushButton *m_save;
    QLabel *m_unsaved;
    QPlainTextEdit *m_comment;
    QPushButton *m_addComment;
    QPushButton *m_handoff;
    QLabel *m_message;
};

} // namespace cb::ui
