#include "synclogview.h"

#include "synclogcsvexporter.h"
#include "synclogdetailpane.h"
#include "synclogmodel.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cb::ui {

namespace {
QString g_nextExportPath;

QComboBox *makeCombo(QWidget *parent, const QString &name, const QString &accessible,
                     const QList<std::pair<QString, QString>> &items)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(name);
    combo->setAccessibleName(accessible);
    for (const auto &[label, value] : items)
        combo->addItem(label, value);
    return combo;
}
} // namespace

SyncLogView::SyncLogView(Database *readOnly, SyncLogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_db(readOnly)
    , m_model(model)
    , m_ticket(new QLineEdit(this))
    , m_text(new QLineEdit(this))
    , m_export(new QPushButton(tr("E&xport CSV…"), this))
    , m_table(new QTableView(this))
    , m_detail(new SyncLogDetailPane(readOnly, this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("syncLogView"));
    m_integration = makeCombo(this, QStringLiteral("logIntegrationFilter"), tr("Helpdesk filter"),
                              {{tr("All helpdesks"), QString()}});
    m_direction = makeCombo(this, QStringLiteral("logDirectionFilter"), tr("Direction filter"),
                            {{tr("All directions"), QString()},
                             {tr("Inbound"), toString(SyncDirection::Inbound)},
                             {tr("Outbound"), toString(SyncDirection::Outbound)},
                             {tr("Import"), toString(SyncDirection::Import)},
                             {tr("Reconcile"), toString(SyncDirection::Reconcile)},
                             {tr("Local"), toString(SyncDirection::Local)}});
    m_result = makeCombo(this, QStringLiteral("logResultFilter"), tr("Result filter"),
                         {{tr("All results"), QString()},
                          {tr("Applied"), toString(SyncResult::Applied)},
                          {tr("Created"), toString(SyncResult::Created)},
                          {tr("Linked"), toString(SyncResult::Linked)},
                          {tr("Unchanged"), toString(SyncResult::Unchanged)},
                          {tr("Echo dropped"), toString(SyncResult::EchoDropped)},
                          {tr("Conflict"), toString(SyncResult::Conflict)},
                          {tr("Failed"), toString(SyncResult::Failed)},
                          {tr("Dead"), toString(SyncResult::Dead)}});
    m_ticket->setObjectName(QStringLiteral("logTicketFilter"));
    m_ticket->setAccessibleName(tr("Ticket filter"));
    m_ticket->setPlaceholderText(tr("Ticket #"));
    m_ticket->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("#?\\d{0,18}")), this));
    m_ticket->setClearButtonEnabled(true);
    m_text->setObjectName(QStringLiteral("logTextFilter"));
    m_text->setAccessibleName(tr("Text filter"));
    m_text->setPlaceholderText(tr("Search event, changes, error…"));
    m_text->setClearButtonEnabled(true);
    m_export->setObjectName(QStringLiteral("exportCsvButton"));
    m_export->setAccessibleName(tr("Export CSV"));
    m_status->setObjectName(QStringLiteral("logStatus"));

    m_table->setObjectName(QStringLiteral("syncLogTable"));
    m_table->setAccessibleName(tr("Sync log"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(SyncLogModel::TimeColumn, 150);
    m_table->setColumnWidth(SyncLogModel::EventColumn, 160);
    m_splitter->setObjectName(QStringLiteral("syncLogSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_integration);
    filters->addWidget(m_direction);
    filters->addWidget(m_result);
    filters->addWidget(m_ticket);
    filters->addWidget(m_text, 1);
    filters->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_debounce, &QTimer::timeout, this, &SyncLogView::applyFilter);
    for (QComboBox *combo : {m_integration, m_direction, m_result})
        connect(combo, &QComboBox::currentIndexChanged, this, &SyncLogView::applyFilter);
    for (QLineEdit *edit : {m_ticket, m_text}) {
        connect(edit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::returnPressed, this, &SyncLogView::applyFilter);
    }
    connect(m_export, &QPushButton::clicked, this, &SyncLogView::exportCsv);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SyncLogView::showSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SyncLogView::holdShownRows);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SyncLogView::showSelected);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        holdShownRows();
        if (value == m_table->verticalScrollBar()->minimum() && m_model->hasNewer())
            m_model->appendNewer(); // back at the top: the rows dropped on the way down, and the newest
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &SyncLogView::keepShownRowsInPlace);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SyncLogView::keepShownRowsInPlace);
}

void SyncLogView::holdShownRows()
{
    if (m_table->verticalScrollBar()->value() == m_table->verticalScrollBar()->minimum()) {
        m_firstShown = m_lastShown = QPersistentModelIndex();
    } else {
        const QRect area = m_table->viewport()->rect();
        m_firstShown = m_table->indexAt(area.topLeft());
        m_lastShown = m_table->indexAt(QPoint(area.left(), area.bottom()));
        if (!m_lastShown.isValid() && m_model->rowCount() > 0)
            m_lastShown = m_model->index(m_model->rowCount() - 1, 0);
    }
    QModelIndexList held = m_table->selectionModel()->selectedRows();
    held << m_firstShown << m_lastShown;
    m_model->hold(held);
}

void SyncLogView::keepShownRowsInPlace()
{
    if (!m_firstShown.isValid())
        return;
    m_table->doItemsLayout(); // the scroll range as it is now
    m_table->scrollTo(m_firstShown, QAbstractItemView::PositionAtTop);
}

void SyncLogView::setNextExportPath(const QString &path)
{
    g_nextExportPath = path;
}

void SyncLogView::setIntegrations(const QList<IntegrationChoices::Choice> &integrations)
{
    const QString current = m_integration->currentData().toString();
    const QSignalBlocker block(m_integration);
    while (m_integration->count() > 1)
        m_integration->removeItem(1);
    for (const auto &c : integrations)
        m_integration->addItem(c.label, c.id);
    m_integration->setCurrentIndex(std::max(0, m_integration->findData(current)));
}

void SyncLogView::applyFilter()
{
    m_debounce->stop();
    SyncLogFilter f;
    f.integrationId = m_integration->currentData().toString();
    f.direction = syncDirectionFromString(m_direction->currentData().toString());
    f.result = syncResultFromString(m_result->currentData().toString());
    QString ticket = m_ticket->text().trimmed();
    ticket.remove(QLatin1Char('#'));
    if (!ticket.isEmpty())
        f.ticketId = ticket.toLongLong();
    f.text = m_text->text().trimmed();
    if (f == m_model->filter())
        return;
    m_model->setFilter(f);
    m_status->setText(m_model->lastError());
}

void SyncLogView::showSelected()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    m_detail->showEntry(current.isValid() ? m_model->entryAt(current.row()) : nullptr);
}

void SyncLogView::exportCsv()
{
    QString path = g_nextExportPath;
    g_nextExportPath.clear();
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Export the sync log"),
                                            QDir::home().filePath(QStringLiteral("casebridge-sync-log.csv")),
                                            tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    auto *exporter = new SyncLogCsvExporter(m_db, m_model->filter(), path, this);
    m_export->setEnabled(false);
    connect(exporter, &SyncLogCsvExporter::progress, this,
            [this](qint64 rows) { m_status->setText(tr("Exporting… %n row(s) written", nullptr, int(rows))); });
    connect(exporter, &SyncLogCsvExporter::finished, this, [this](bool ok, const QString &message) {
        m_export->setEnabled(true);
        m_status->setText(message);
        Q_EMIT exportFinished(ok, message);
    });
    exporter->start();
}

} // namespace cb::ui
