#pragma once

#include "domain/case.h"
#include "storage/casedetailquery.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace cb {
class Database;
}

namespace cb::ui {

class CaseConversation;

// The pane beside the cases table: the selected case as people read it (subject, requester with e-mail and
// company, channel, the description shown safely, deleted or spam said plainly, the conversation), its status,
// priority and assignee (by name) to change, a comment to add, a hand-off (asked first). showCase() is called on
// selection and on every live refresh of that case: a field the person has not touched takes the case's new value
// at once (never a stale one); a field they changed keeps their value, marked as not saved, with what the case has
// now; the comment being written is never touched.
class CasePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CasePane)

public:
    // Asks `question` and calls `answer` with the reply (true: go ahead); may answer later, never blocks.
    using Confirmation = std::function<void(const QString &question, std::function<void(bool)> answer)>;

    // `readOnly`: where the case's detail and conversation are read (nullptr: only what showCase() is given).
    explicit CasePane(Database *readOnly, QWidget *parent = nullptr);

    // The case to show (nullptr: none selected, the pane is disabled).
    void showCase(const Case *c);
    qint64 caseId() const { return m_shown ? m_shown->id : 0; }
    // The fields changed here and not saved yet (column names, CaseField).
    QStringList unsavedFields() const;
    // Replaces the question asked before a hand-off (tests answer it themselves).
    void setHandoffConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }
    // What a hand-off of the shown case will do, in words.
    QString handoffQuestion() const;

public Q_SLOTS:
    void showMessage(const QString &message, bool isError);
    // Rereads the shown case's conversation (new entries appear; nothing is redrawn when nothing changed).
    void refreshConversation();

Q_SIGNALS:
    void editRequested(qint64 caseId, const cb::CaseChanges &changes);
    void commentRequested(qint64 caseId, const QString &text);
    void handoffRequested(qint64 caseId);

private:
    void readDetail(const Case &c);
    void showDetail();
    void fillAssignees();
    void selectAssignee(std::optional<qint64> id);
    QString agentName(qint64 id) const;
    void load(const Case &c);
    void markUnsaved();
    CaseChanges changes() const;
    std::optional<qint64> assigneeInput() const;
    void handleSave();
    void handleComment();
    void handleHandoff();

    Database *m_db;
    std::optional<Case> m_shown; // the case's values as last shown: what "unsaved" is measured against
    CaseDetail m_detail;
    Confirmation m_confirm;
    QLabel *m_subject;
    QLabel *m_state;
    QLabel *m_requester;
    QLabel *m_company;
    QLabel *m_channel;
    QTextBrowser *m_description;
    QComboBox *m_status;
    QComboBox *m_priority;
    QComboBox *m_assignee;
    QPushButton *m_save;
    QLabel *m_unsaved;
    CaseConversation *m_conversation;
    QPlainTextEdit *m_comment;
    QPushButton *m_addComment;
    QPushButton *m_handoff;
    QLabel *m_message;
};

} // namespace cb::ui
