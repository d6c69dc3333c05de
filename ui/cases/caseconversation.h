#pragma once

#include "domain/comment.h"

#include <QWidget>

class QTextBrowser;

namespace cb::ui {

// A case's conversation, oldest first: who wrote each entry and when, private notes marked as such, the text made
// safe (SafeHtml). Shown again only when it changed, so a live refresh that brings nothing new keeps the scroll.
class CaseConversation final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseConversation)

public:
    explicit CaseConversation(QWidget *parent = nullptr);

    void showEntries(const QList<Comment> &entries);
    qsizetype entryCount() const { return m_shown.size(); }
    // The conversation as shown, as plain text (for tests and screen readers).
    QString text() const;
    QString html() const;

private:
    static bool sameEntries(const QList<Comment> &a, const QList<Comment> &b);

    QTextBrowser *m_view;
    QList<Comment> m_shown;
};

} // namespace cb::ui
