#include "caseconversation.h"

#include "datetimetext.h"
#include "safehtml.h"

#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cb::ui {

CaseConversation::CaseConversation(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTextBrowser(this))
{
    m_view->setObjectName(QStringLiteral("caseConversation"));
    m_view->setAccessibleName(tr("Conversation"));
    m_view->setOpenLinks(false); // nothing in it is a link (SafeHtml), and nothing is ever opened or fetched
    m_view->setOpenExternalLinks(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    showEntries({});
}

bool CaseConversation::sameEntries(const QList<Comment> &a, const QList<Comment> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Comment &x = a.at(i);
        const Comment &y = b.at(i);
        if (x.id != y.id || x.body != y.body || x.author != y.author || x.isPrivate != y.isPrivate ||
            x.createdAt != y.createdAt)
            return false;
    }
    return true;
}

void CaseConversation::showEntries(const QList<Comment> &entries)
{
    if (!m_view->document()->isEmpty() && sameEntries(entries, m_shown))
        return;
    const bool atBottom = m_view->verticalScrollBar()->value() == m_view->verticalScrollBar()->maximum();
    const int scroll = m_view->verticalScrollBar()->value();
    m_shown = entries;
    if (entries.isEmpty()) {
        m_view->setHtml(QStringLiteral("<p><i>%1</i></p>").arg(tr("No conversation yet.").toHtmlEscaped()));
        return;
    }
    QString html;
    for (const Comment &c : entries) {
        const QString author = c.author.isEmpty() ? tr("unknown author") : c.author;
        const QString kind =
            c.isPrivate
                ? QStringLiteral("<span style=\"color:#8a5a00;\">[%1]</span>").arg(tr("Private note").toHtmlEscaped())
                : QStringLiteral("<span style=\"color:#1a5e20;\">[%1]</span>").arg(tr("Public").toHtmlEscaped());
        html += QStringLiteral("<p><b>%1</b> · %2 %3</p>")
                    .arg(author.toHtmlEscaped(), DateTimeText::of(c.createdAt).toHtmlEscaped(), kind);
        html += QStringLiteral("<div>%1</div><hr>").arg(SafeHtml::fromHelpdesk(c.body));
    }
    m_view->setHtml(html);
    // New entries come at the end: someone reading the latest keeps seeing it; someone reading back stays there.
    m_view->verticalScrollBar()->setValue(atBottom ? m_view->verticalScrollBar()->maximum() : scroll);
}

QString CaseConversation::text() const
{
    return m_view->toPlainText();
}

QString CaseConversation::html() const
{
    return m_view->toHtml();
}

} // namespace cb::ui
