#include "casesview.h"

#include "casefilterbar.h"
#include "casepane.h"
#include "casesmodel.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace cb::ui {

CasesView::CasesView(CasesModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filters(new CaseFilterBar(model->database(), this))
    , m_table(new QTableView(this))
    , m_pane(new CasePane(model->database(), this))
{
    setObjectName(QStringLiteral("casesView"));
    m_table->setObjectName(QStringLiteral("casesTable"));
    m_table->setAccessibleName(tr("Cases"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    // Short columns fit their contents (measured over the loaded page only). The subject keeps a readable width
    // of its own (a stretched subject got only what the other columns left: a few letters, wrapped in two lines);
    // the requester, last, takes whatever width is left over.
    for (int column : {int(CasesModel::IdColumn), int(CasesModel::StatusColumn), int(CasesModel::PriorityColumn),
                       int(CasesModel::AssigneeColumn), int(CasesModel::TicketColumn), int(CasesModel::UpdatedColumn),
                       int(CasesModel::ChannelColumn)})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->horizontalHeader()->setSectionResizeMode(CasesModel::SubjectColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(CasesModel::SubjectColumn,
                                               m_table->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 32);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    // Sorted in the store (every column; newest first to begin with), so paging and live refreshes stay bounded.
    m_table->horizontalHeader()->setSortIndicator(CasesModel::IdColumn, Qt::DescendingOrder);
    m_table->setSortingEnabled(true);

    // The pane scrolls when the window is small: the case's detail never sets the window's minimum size.
    auto *edit = new QGroupBox(tr("Case"), this);
    auto *editLayout = new QVBoxLayout(edit);
    auto *scroll = new QScrollArea(edit);
    scroll->setObjectName(QStringLiteral("casePaneScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_pane);
    editLayout->setContentsMargins(0, 0, 0, 0);
    editLayout->addWidget(scroll);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(edit);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filters);
    layout->addWidget(splitter, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CasesView::handleSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CasesView::handleSelection);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CasesView::handleDataChanged);
    connect(m_model, &CasesModel::refreshed, m_pane, &CasePane::refreshConversation);     // new entries, live
    connect(m_model, &CasesModel::refreshed, m_filters, &CaseFilterBar::reloadHelpdesks); // one connected since
    connect(m_filters, &CaseFilterBar::viewChanged, this, &CasesView::applyFilters);
    connect(m_pane, &CasePane::editRequested, this, &CasesView::editRequested);
    connect(m_pane, &CasePane::commentRequested, this, &CasesView::commentRequested);
    connect(m_pane, &CasePane::handoffRequested, this, &CasesView::handoffRequested);
    handleSelection();
}

qint64 CasesView::selectedCaseId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(CasesModel::CaseIdRole).toLongLong();
}

std::optional<qint64> CasesView::selectedTicketId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const Case *c = rows.isEmpty() ? nullptr : m_model->caseAt(rows.first().row());
    return c ? c->externalTicketId : std::nullopt;
}

void CasesView::selectCase(qint64 caseId)
{
    // The model loads lazily: page on until the case is there (bounded), then look once more after a refresh.
    int row = m_model->rowOf(caseId);
    const CaseListQuery::View everything{{}, {}, {}, m_model->view().sort, m_model->view().descending};
    if (row < 0 && !(m_model->view() == everything)) { // asked for (a screen pop): never hidden by a search
        m_filters->clear();
        m_model->setView(everything);
        row = m_model->rowOf(caseId);
    }
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
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_pane->showCase(rows.isEmpty() ? nullptr : m_model->caseAt(rows.first().row()));
}

void CasesView::handleDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int row = rows.first().row();
    if (row >= topLeft.row() && row <= bottomRight.row())
        m_pane->showCase(m_model->caseAt(row)); // the selected case changed elsewhere: the pane follows
}

void CasesView::applyFilters()
{
    const qint64 selected = selectedCaseId();
    CaseListQuery::View view = m_filters->view();
    view.sort = m_model->view().sort;
    view.descending = m_model->view().descending;
    m_model->setView(view);
    if (const int row = selected > 0 ? m_model->rowOf(selected) : -1; row >= 0)
        m_table->selectRow(row); // still in the list: still selected
}

void CasesView::showMessage(const QString &message, bool isError)
{
    m_pane->showMessage(message, isError);
}

} // namespace cb::ui
