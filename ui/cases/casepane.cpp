#include "casepane.h"

#include "caseconversation.h"
#include "casesmodel.h"
#include "handoffquestion.h"
#include "integrationchoices.h"
#include "safehtml.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>

namespace cb::ui {

namespace {
void setMarked(QWidget *w, bool marked)
{
    QFont f = w->font();
    f.setBold(marked);
    w->setFont(f);
}

QLabel *dataLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::PlainText); // helpdesk text is never markup here
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

CasePane::CasePane(Database *readOnly, QWidget *parent)
    : QWidget(parent)
    , m_db(readOnly)
    , m_subject(dataLabel(this, "caseSubjectLabel"))
    , m_state(dataLabel(this, "caseStateNote"))
    , m_requester(dataLabel(this, "caseRequesterLabel"))
    , m_company(dataLabel(this, "caseCompanyLabel"))
    , m_channel(dataLabel(this, "caseChannelLabel"))
    , m_description(new QTextBrowser(this))
    , m_status(new QComboBox(this))
    , m_priority(new QComboBox(this))
    , m_assignee(new QComboBox(this))
    , m_save(new QPushButton(tr("&Save changes"), this))
    , m_unsaved(new QLabel(this))
    , m_conversation(new CaseConversation(this))
    , m_comment(new QPlainTextEdit(this))
    , m_addComment(new QPushButton(tr("Add &comment"), this))
    , m_handoff(new QPushButton(tr("&Hand off"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("casePane"));
    QFont subjectFont = m_subject->font();
    subjectFont.setBold(true);
    subjectFont.setPointSizeF(subjectFont.pointSizeF() * 1.15);
    m_subject->setFont(subjectFont);
    m_state->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_description->setObjectName(QStringLiteral("caseDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setOpenLinks(false); // SafeHtml leaves no link or image: nothing is opened or fetched
    m_description->setOpenExternalLinks(false);
    m_description->setMaximumHeight(140);
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
    m_assignee->setObjectName(QStringLiteral("caseAssigneeCombo"));
    m_assignee->setAccessibleName(tr("Assignee"));
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
    form->addRow(m_subject);
    form->addRow(m_state);
    form->addRow(tr("Requester:"), m_requester);
    form->addRow(tr("Company:"), m_company);
    form->addRow(tr("Channel:"), m_channel);
    form->addRow(tr("Description:"), m_description);
    form->addRow(tr("S&tatus:"), m_status);
    form->addRow(tr("&Priority:"), m_priority);
    form->addRow(tr("&Assignee:"), m_assignee);
    form->addRow(m_save);
    form->addRow(m_unsaved);
    form->addRow(tr("Conversation:"), m_conversation);
    form->addRow(tr("Co&mment:"), m_comment);
    form->addRow(m_addComment);
    form->addRow(m_handoff);
    form->addRow(m_message);

    m_confirm = [this](const QString &question, std::function<void(bool)> answer) {
        auto *box = new QMessageBox(QMessageBox::Question, tr("Hand off"), question,
                                    QMessageBox::Yes | QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("handoffConfirmation"));
        box->button(QMessageBox::Yes)->setText(tr("&Hand off"));
        box->setDefaultButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this,
                [box, answer = std::move(answer)] { answer(box->clickedButton() == box->button(QMessageBox::Yes)); });
        box->open(); // window-modal, never a nested event loop
    };
    connect(m_status, &QComboBox::currentIndexChanged, this, &CasePane::markUnsaved);
    connect(m_priority, &QComboBox::currentIndexChanged, this, &CasePane::markUnsaved);
    connect(m_assignee, &QComboBox::currentIndexChanged, this, &CasePane::markUnsaved);
    connect(m_save, &QPushButton::clicked, this, &CasePane::handleSave);
    connect(m_addComment, &QPushButton::clicked, this, &CasePane::handleComment);
    connect(m_handoff, &QPushButton::clicked, this, &CasePane::handleHandoff);
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
        m_detail = {};
        showDetail();
        m_conversation->showEntries({});
        markUnsaved();
        return;
    }
    const bool sameCase = m_shown && m_shown->id == c->id;
    // The same case, changed elsewhere (a webhook, another console): untouched fields follow it, edits stay.
    const QStringList edited = sameCase ? unsavedFields() : QStringList();
    const QString keepStatus = m_status->currentData().toString();
    const QString keepPriority = m_priority->currentData().toString();
    const std::optional<qint64> keepAssignee = assigneeInput();
    m_shown = *c;
    readDetail(*c);
    showDetail();
    fillAssignees();
    load(*c);
    if (edited.contains(QLatin1String(CaseField::Status)))
        m_status->setCurrentIndex(m_status->findData(keepStatus));
    if (edited.contains(QLatin1String(CaseField::Priority)))
        m_priority->setCurrentIndex(m_priority->findData(keepPriority));
    if (edited.contains(QLatin1String(CaseField::AssigneeId)))
        selectAssignee(keepAssignee);
    markUnsaved();
    refreshConversation();
}

void CasePane::readDetail(const Case &c)
{
    m_detail = {};
    m_detail.c = c;
    if (!m_db)
        return;
    auto detail = CaseDetailQuery(*m_db).detail(c.id);
    if (!detail) {
        showMessage(tr("The case could not be read: %1").arg(detail.error().message), true);
        return;
    }
    m_detail = *detail;
}

void CasePane::showDetail()
{
    const CaseDetail &d = m_detail;
    const bool any = m_shown.has_value();
    m_subject->setText(any ? (d.c.subject.isEmpty() ? tr("(no subject)") : d.c.subject) : tr("No case selected."));
    if (any && d.c.externalTicketId)
        m_subject->setText(tr("#%1 %2").arg(*d.c.externalTicketId).arg(m_subject->text()));
    QString state;
    if (d.deleted)
        state = tr("This ticket was deleted in the helpdesk.");
    else if (d.spam)
        state = tr("The helpdesk marks this ticket as spam.");
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
    QString requester = d.requesterName;
    if (!d.requesterEmail.isEmpty())
        requester = requester.isEmpty() ? d.requesterEmail : tr("%1 <%2>").arg(requester, d.requesterEmail);
    m_requester->setText(any && requester.isEmpty() ? tr("not known") : requester);
    m_company->setText(any && d.company.isEmpty() ? tr("none") : d.company);
    QString channel = d.channel.isEmpty() ? QString() : CasesModel::channelLabel(d.channel);
    if (any && !d.helpdeskDomain.isEmpty())
        channel = channel.isEmpty() ? IntegrationChoices::displayName(d.helpdeskDomain)
                                    : tr("%1, %2").arg(channel, IntegrationChoices::displayName(d.helpdeskDomain));
    m_channel->setText(any && channel.isEmpty() ? tr("local case") : channel);
    const QString description = SafeHtml::fromHelpdesk(d.c.description);
    if (description != m_description->property("shownSource").toString()) { // a live refresh keeps the scroll
        m_description->setHtml(description);
        m_description->setProperty("shownSource", description);
    }
}

QString CasePane::agentName(qint64 id) const
{
    return m_detail.names.name(DirectoryKind::Agent, id);
}

void CasePane::fillAssignees()
{
    // Rebuilt only when the account's agents changed (a rebuild would close an open list under the pointer).
    QList<QVariant> wanted{qint64(0)};
    QStringList labels{tr("Unassigned")};
    for (const DirectoryEntry &e : m_detail.names.entries(DirectoryKind::Agent)) {
        wanted << e.id;
        labels << (e.email.isEmpty() ? e.name : tr("%1 (%2)").arg(e.name, e.email));
    }
    bool same = m_assignee->count() >= wanted.size();
    for (int i = 0; same && i < wanted.size(); ++i)
        same = m_assignee->itemData(i) == wanted.at(i) && m_assignee->itemText(i) == labels.at(i);
    if (same)
        return;
    const QSignalBlocker quiet(m_assignee);
    m_assignee->clear();
    for (int i = 0; i < wanted.size(); ++i)
        m_assignee->addItem(labels.at(i), wanted.at(i));
}

void CasePane::selectAssignee(std::optional<qint64> id)
{
    const qint64 wanted = id.value_or(0);
    int at = m_assignee->findData(wanted);
    if (at < 0) { // not among the account's agents (or the directory is not read yet): shown as such, kept
        m_assignee->addItem(agentName(wanted), wanted);
        at = m_assignee->count() - 1;
    }
    m_assignee->setCurrentIndex(at);
}

void CasePane::load(const Case &c)
{
    if (m_status->findData(c.status) < 0)
        m_status->addItem(CasesModel::statusLabel(c.status), c.status); // an account's custom status
    m_status->setCurrentIndex(m_status->findData(c.status));
    m_priority->setCurrentIndex(m_priority->findData(c.priority));
    selectAssignee(c.assigneeId);
}

std::optional<qint64> CasePane::assigneeInput() const
{
    const qint64 id = m_assignee->currentData().toLongLong();
    return id > 0 ? std::optional<qint64>(id) : std::nullopt;
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
        now << (m_shown->assigneeId ? tr("assignee %1").arg(agentName(*m_shown->assigneeId)) : tr("no assignee"));
    m_unsaved->setText(tr("Not saved yet (in bold). The case has %1.").arg(now.join(QStringLiteral(", "))));
}

void CasePane::refreshConversation()
{
    if (!m_shown || !m_db)
        return;
    auto entries = CaseDetailQuery(*m_db).conversation(m_shown->id);
    if (!entries) {
        showMessage(tr("The conversation could not be read: %1").arg(entries.error().message), true);
        return;
    }
    m_conversation->showEntries(*entries);
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

void CasePane::handleHandoff()
{
    const qint64 id = caseId();
    if (id <= 0 || !m_shown->externalTicketId)
        return;
    m_confirm(handoffQuestion(), [this, id](bool yes) {
        if (yes)
            Q_EMIT handoffRequested(id); // the case asked about, even if the selection moved meanwhile
    });
}

QString CasePane::handoffQuestion() const
{
    return HandoffQuestion::of(m_detail);
}

void CasePane::showMessage(const QString &message, bool isError)
{
    m_message->setText(message);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #b00020;") : QString());
    m_message->setAccessibleName(message);
}

} // namespace cb::ui
