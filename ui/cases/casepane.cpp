#include "casepane.h"

#include "casesmodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>

namespace cb::ui {

namespace {
void setMarked(QWidget *w, bool marked)
{
    QFont f = w->font();
    f.setBold(marked);
    w->setFont(f);
}
} // namespace

CasePane::CasePane(QWidget *parent)
    : QWidget(parent)
    , m_status(new QComboBox(this))
    , m_priority(new QComboBox(this))
    , m_assignee(new QLineEdit(this))
    , m_save(new QPushButton(tr("&Save changes"), this))
    , m_unsaved(new QLabel(this))
    , m_comment(new QPlainTextEdit(this))
    , m_addComment(new QPushButton(tr("Add &comment"), this))
    , m_handoff(new QPushButton(tr("&Hand off"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("casePane"));
    m_status->setObjectName(QStringLiteral("caseStatusCombo"));
    m_status->setAccessibleName(tr("Status"));
    for (const QString &s :
         {QStringLiteral("open"), QStringLiteral("pending"), QStringLiteral("resolved"), QStringLiteral("closed")})
        m_status->addItem(CasesModel::statusLabel(s), s); // shown in the console's language, stored as the name
    m_priority->setObjectName(QStringLiteral("casePriorityCombo"));
    m_priority->setAccessibleName(tr("Priority"));
    for (const QString &s :
         {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"), QStringLiteral("urgent")})
        m_priority->addItem(CasesModel::priorityLabel(s), s);
    m_assignee->setObjectName(QStringLiteral("caseAssigneeEdit"));
    m_assignee->setAccessibleName(tr("Assignee agent id"));
    m_assignee->setPlaceholderText(tr("agent id, empty for unassigned"));
    m_assignee->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,19}")), this));
    m_save->setObjectName(QStringLiteral("caseSaveButton"));
    m_unsaved->setObjectName(QStringLiteral("caseUnsavedNote"));
    m_unsaved->setWordWrap(true);
    // Its room is kept while it is empty: the buttons below never move under the pointer when it comes and goes.
    m_unsaved->setMinimumHeight(2 * m_unsaved->fontMetrics().lineSpacing());
    m_comment->setObjectName(QStringLiteral("caseCommentEdit"));
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setTabChangesFocus(true);
    m_comment->setMaximumHeight(90);
    m_addComment->setObjectName(QStringLiteral("caseCommentButton"));
    m_handoff->setObjectName(QStringLiteral("caseHandoffButton"));
    m_handoff->setToolTip(tr("Give the ticket back to the helpdesk's people, as set up in the integration."));
    m_message->setObjectName(QStringLiteral("caseMessage"));
    m_message->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->addRow(tr("S&tatus:"), m_status);
    form->addRow(tr("&Priority:"), m_priority);
    form->addRow(tr("&Assignee:"), m_assignee);
    form->addRow(m_save);
    form->addRow(m_unsaved);
    form->addRow(tr("Co&mment:"), m_comment);
    form->addRow(m_addComment);
    form->addRow(m_handoff);
    form->addRow(m_message);

    connect(m_status, &QComboBox::currentIndexChanged, this, &CasePane::markUnsaved);
    connect(m_priority, &QComboBox::currentIndexChanged, this, &CasePane::markUnsaved);
    connect(m_assignee, &QLineEdit::textChanged, this, &CasePane::markUnsaved);
    connect(m_save, &QPushButton::clicked, this, &CasePane::handleSave);
    connect(m_addComment, &QPushButton::clicked, this, &CasePane::handleComment);
    connect(m_handoff, &QPushButton::clicked, this, [this] {
        if (caseId() > 0)
            Q_EMIT handoffRequested(caseId());
    });
    showCase(nullptr);
}

void CasePane::showCase(const Case *c)
{
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_status, m_priority, m_assignee, m_save, m_comment, m_addComment})
        w->setEnabled(c != nullptr);
    m_handoff->setEnabled(c && c->externalTicketId);
    if (!c) {
        m_shown.reset();
        markUnsaved();
        return;
    }
    if (!m_shown || m_shown->id != c->id) {
        m_shown = *c;
        load(*c);
        markUnsaved();
        return;
    }
    // The same case, changed elsewhere (a webhook, another console): untouched fields follow it, edits stay.
    const QStringList edited = unsavedFields();
    const QString keepStatus = m_status->currentData().toString();
    const QString keepPriority = m_priority->currentData().toString();
    const QString keepAssignee = m_assignee->text();
    m_shown = *c;
    load(*c);
    if (edited.contains(QLatin1String(CaseField::Status)))
        m_status->setCurrentIndex(m_status->findData(keepStatus));
    if (edited.contains(QLatin1String(CaseField::Priority)))
        m_priority->setCurrentIndex(m_priority->findData(keepPriority));
    if (edited.contains(QLatin1String(CaseField::AssigneeId)))
        m_assignee->setText(keepAssignee);
    markUnsaved();
}

void CasePane::load(const Case &c)
{
    if (m_status->findData(c.status) < 0)
        m_status->addItem(CasesModel::statusLabel(c.status), c.status); // an account's custom status
    m_status->setCurrentIndex(m_status->findData(c.status));
    m_priority->setCurrentIndex(m_priority->findData(c.priority));
    m_assignee->setText(c.assigneeId ? QString::number(*c.assigneeId) : QString());
}

std::optional<qint64> CasePane::assigneeInput() const
{
    const QString assignee = m_assignee->text().trimmed();
    return assignee.isEmpty() ? std::nullopt : std::optional<qint64>(assignee.toLongLong());
}

CaseChanges CasePane::changes() const
{
    CaseChanges out;
    if (!m_shown)
        return out;
    const QString status = m_status->currentData().toString();
    const QString priority = m_priority->currentData().toString();
    if (!status.isEmpty() && status != m_shown->status)
        out.insert(QLatin1String(CaseField::Status), status);
    if (!priority.isEmpty() && priority != m_shown->priority)
        out.insert(QLatin1String(CaseField::Priority), priority);
    if (const std::optional<qint64> wanted = assigneeInput(); wanted != m_shown->assigneeId)
        out.insert(QLatin1String(CaseField::AssigneeId),
                   wanted ? QVariant(*wanted) : QVariant(QMetaType::fromType<qint64>()));
    return out;
}

QStringList CasePane::unsavedFields() const
{
    return changes().keys();
}

void CasePane::markUnsaved()
{
    const CaseChanges pending = changes();
    setMarked(m_status, pending.contains(QLatin1String(CaseField::Status)));
    setMarked(m_priority, pending.contains(QLatin1String(CaseField::Priority)));
    setMarked(m_assignee, pending.contains(QLatin1String(CaseField::AssigneeId)));
    if (pending.isEmpty() || !m_shown) {
        m_unsaved->clear();
        return;
    }
    QStringList now;
    if (pending.contains(QLatin1String(CaseField::Status)))
        now << tr("status %1").arg(CasesModel::statusLabel(m_shown->status));
    if (pending.contains(QLatin1String(CaseField::Priority)))
        now << tr("priority %1").arg(CasesModel::priorityLabel(m_shown->priority));
    if (pending.contains(QLatin1String(CaseField::AssigneeId)))
        now << (m_shown->assigneeId ? tr("assignee %1").arg(*m_shown->assigneeId) : tr("no assignee"));
    m_unsaved->setText(tr("Not saved yet (in bold). The case has %1.").arg(now.join(QStringLiteral(", "))));
}

void CasePane::handleSave()
{
    if (!m_shown)
        return;
    const CaseChanges pending = changes();
    if (pending.isEmpty()) {
        showMessage(tr("Nothing to save: the case already has these values."), false);
        return;
    }
    Q_EMIT editRequested(m_shown->id, pending);
}

void CasePane::handleComment()
{
    const QString text = m_comment->toPlainText().trimmed();
    if (text.isEmpty()) {
        showMessage(tr("Write the comment first."), true);
        return;
    }
    Q_EMIT commentRequested(caseId(), text);
    m_comment->clear();
}

void CasePane::showMessage(const QString &message, bool isError)
{
    m_message->setText(message);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #b00020;") : QString());
    m_message->setAccessibleName(message);
}

} // namespace cb::ui
