#include "casesview.h"

#include "casesmodel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace cb::ui {

CasesView::CasesView(CasesModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_status(new QComboBox(this))
    , m_priority(new QComboBox(this))
    , m_assignee(new QLineEdit(this))
    , m_save(new QPushButton(tr("&Save changes"), this))
    , m_comment(new QPlainTextEdit(this))
    , m_addComment(new QPushButton(tr("Add &comment"), this))
    , m_handoff(new QPushButton(tr("&Hand off"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("casesView"));
    m_table->setObjectName(QStringLiteral("casesTable"));
    m_table->setAccessibleName(tr("Cases"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    // Short columns fit their contents (measured over the loaded page only); the subject takes the rest.
    for (int column : {int(CasesModel::IdColumn), int(CasesModel::StatusColumn), int(CasesModel::PriorityColumn),
                       int(CasesModel::AssigneeColumn), int(CasesModel::TicketColumn), int(CasesModel::UpdatedColumn),
                       int(CasesModel::ChannelColumn)})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->horizontalHeader()->setSectionResizeMode(CasesModel::SubjectColumn, QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);

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
    m_comment->setObjectName(QStringLiteral("caseCommentEdit"));
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setTabChangesFocus(true);
    m_comment->setMaximumHeight(90);
    m_addComment->setObjectName(QStringLiteral("caseCommentButton"));
    m_handoff->setObjectName(QStringLiteral("caseHandoffButton"));
    m_handoff->setToolTip(tr("Give the ticket back to the helpdesk's people, as set up in the integration."));
    m_message->setObjectName(QStringLiteral("caseMessage"));
    m_message->setWordWrap(true);

    auto *edit = new QGroupBox(tr("Case"), this);
    auto *form = new QFormLayout(edit);
    form->addRow(tr("S&tatus:"), m_status);
    form->addRow(tr("&Priority:"), m_priority);
    form->addRow(tr("&Assignee:"), m_assignee);
    form->addRow(m_save);
    form->addRow(tr("Co&mment:"), m_comment);
    form->addRow(m_addComment);
    form->addRow(m_handoff);
    form->addRow(m_message);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(edit);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CasesView::handleSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CasesView::handleSelection);
    connect(m_save, &QPushButton::clicked, this, &CasesView::handleSave);
    connect(m_addComment, &QPushButton::clicked, this, &CasesView::handleComment);
    connect(m_handoff, &QPushButton::clicked, this, [this] {
        if (selectedCaseId() > 0)
            Q_EMIT handoffRequested(selectedCaseId());
    });
    handleSelection();
}

qint64 CasesView::selectedCaseId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(CasesModel::CaseIdRole).toLongLong();
}

void CasesView::selectCase(qint64 caseId)
{
    // The model loads lazily: page on until the case is there (bounded), then look once more after a refresh.
    int row = m_model->rowOf(caseId);
    for (int pages = 0; row < 0 && pages < 100 && m_model->canFetchMore({}); ++pages) {
        m_model->fetchMore({});
        row = m_model->rowOf(caseId);
    }
    if (row < 0) {
        m_model->refresh();
        row = m_model->rowOf(caseId);
    }
    if (row >= 0) {
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0));
    }
}

void CasesView::handleSelection()
{
    const Case *c = nullptr;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        c = m_model->caseAt(rows.first().row());
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_status, m_priority, m_assignee, m_save, m_comment, m_addComment})
        w->setEnabled(c != nullptr);
    m_handoff->setEnabled(c && c->externalTicketId);
    if (!c)
        return;
    if (m_status->findData(c->status) < 0)
        m_status->addItem(CasesModel::statusLabel(c->status), c->status); // an account's custom status
    m_status->setCurrentIndex(m_status->findData(c->status));
    m_priority->setCurrentIndex(m_priority->findData(c->priority));
    m_assignee->setText(c->assigneeId ? QString::number(*c->assigneeId) : QString());
}

void CasesView::handleSave()
{
    const qint64 id = selectedCaseId();
    const Case *c = m_model->caseAt(m_model->rowOf(id));
    if (!c)
        return;
    CaseChanges changes;
    const QString status = m_status->currentData().toString();
    const QString priority = m_priority->currentData().toString();
    if (!status.isEmpty() && status != c->status)
        changes.insert(QLatin1String(CaseField::Status), status);
    if (!priority.isEmpty() && priority != c->priority)
        changes.insert(QLatin1String(CaseField::Priority), priority);
    const QString assignee = m_assignee->text().trimmed();
    const std::optional<qint64> wanted =
        assignee.isEmpty() ? std::nullopt : std::optional<qint64>(assignee.toLongLong());
    if (wanted != c->assigneeId)
        changes.insert(QLatin1String(CaseField::AssigneeId),
                       wanted ? QVariant(*wanted) : QVariant(QMetaType::fromType<qint64>()));
    if (changes.isEmpty()) {
        showMessage(tr("Nothing to save: the case already has these values."), false);
        return;
    }
    Q_EMIT editRequested(id, changes);
}

void CasesView::handleComment()
{
    const QString text = m_comment->toPlainText().trimmed();
    if (text.isEmpty()) {
        showMessage(tr("Write the comment first."), true);
        return;
    }
    Q_EMIT commentRequested(selectedCaseId(), text);
    m_comment->clear();
}

void CasesView::showMessage(const QString &message, bool isError)
{
    m_message->setText(message);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #b00020;") : QString());
    m_message->setAccessibleName(message);
}

} // namespace cb::ui
