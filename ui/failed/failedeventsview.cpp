#include "failedeventsview.h"

#include "datetimetext.h"
#include "failedpushespanel.h"
#include "payloadredactor.h"
#include "storage/failedeventsquery.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cb::ui {

namespace {
constexpr int MaxRows = 1000;
}

FailedEventsView::FailedEventsView(Database *readOnly, QWidget *parent)
    : QWidget(parent)
    , m_db(readOnly)
    , m_table(new QTableWidget(this))
    , m_replaySelected(new QPushButton(tr("Replay &selected"), this))
    , m_replayAll(new QPushButton(tr("Replay &all"), this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_status(new QLabel(this))
    , m_payload(new QPlainTextEdit(this))
    , m_pushes(new FailedPushesPanel(readOnly, this))
{
    setObjectName(QStringLiteral("failedEventsView"));
    m_table->setObjectName(QStringLiteral("failedTable"));
    m_table->setAccessibleName(tr("Failed events"));
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        {tr("Event"), tr("Received"), tr("State"), tr("Attempts"), tr("Helpdesk"), tr("Last error")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_replaySelected->setObjectName(QStringLiteral("replaySelectedButton"));
    m_replaySelected->setAccessibleName(tr("Replay selected events"));
    m_replayAll->setObjectName(QStringLiteral("replayAllButton"));
    m_replayAll->setAccessibleName(tr("Replay all failed events"));
    m_refresh->setObjectName(QStringLiteral("refreshFailedButton"));
    m_refresh->setAccessibleName(tr("Refresh failed events"));
    m_status->setObjectName(QStringLiteral("failedStatus"));
    m_status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_replaySelected);
    buttons->addWidget(m_replayAll);
    m_payload->setObjectName(QStringLiteral("failedPayload"));
    m_payload->setAccessibleName(tr("Payload of the selected event (redacted)"));
    m_payload->setReadOnly(true);
    m_payload->setPlaceholderText(tr("Select one event to see what was received (e-mail addresses and credentials "
                                     "masked)."));
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 2);
    layout->addWidget(m_payload, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_pushes, 2);

    connect(m_refresh, &QPushButton::clicked, this, &FailedEventsView::refresh);
    connect(m_replaySelected, &QPushButton::clicked, this, &FailedEventsView::replaySelected);
    connect(m_replayAll, &QPushButton::clicked, this, &FailedEventsView::replayAll);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &FailedEventsView::updateButtons);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &FailedEventsView::showPayload);
    refresh();
}

int FailedEventsView::eventCount() const
{
    return m_table->rowCount();
}

void FailedEventsView::refresh()
{
    m_pushes->refresh();
    QSet<qint64> selected;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        selected.insert(m_table->item(i.row(), 0)->data(Qt::UserRole).toLongLong());
    m_table->clearContents();
    m_table->setRowCount(0);
    if (!m_db) {
        updateButtons();
        return;
    }
    const FailedEventsQuery query(*m_db);
    auto events = query.page({0, MaxRows});
    if (!events) {
        m_status->setText(events.error().message);
        updateButtons();
        return;
    }
    const QSignalBlocker block(m_table);
    for (const FailedEvent &e : *events) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells = {QString::number(e.id),
                                   DateTimeText::of(e.receivedAt),
                                   e.dead ? tr("dead") : tr("failed"),
                                   QString::number(e.attempts),
                                   e.helpdeskDomain,
                                   e.lastError};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            item->setData(Qt::UserRole, e.id);
            if (col == 5)
                item->setToolTip(cells.at(col));
            m_table->setItem(row, col, item);
        }
        if (selected.contains(e.id))
            m_table->selectRow(row);
    }
    // All of them, also those beyond the rows listed.
    const auto total = query.count();
    const int failed = total ? int(*total) : m_table->rowCount();
    m_status->setText(failed == 0 ? tr("No failed events: every webhook received was processed.")
                                  : tr("%n event(s) could not be processed. Fix the cause (see Last error), then "
                                       "replay them.",
                                       nullptr, failed));
    updateButtons();
}

void FailedEventsView::updateButtons()
{
    m_replaySelected->setEnabled(!m_table->selectionModel()->selectedRows().isEmpty());
    m_replayAll->setEnabled(m_table->rowCount() > 0);
}

void FailedEventsView::replaySelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows)
        Q_EMIT replayRequested(m_table->item(i.row(), 0)->data(Qt::UserRole).toLongLong());
    m_status->setText(tr("%n event(s) queued for replay.", nullptr, int(rows.size())));
}

void FailedEventsView::replayAll()
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        Q_EMIT replayRequested(m_table->item(row, 0)->data(Qt::UserRole).toLongLong());
    m_status->setText(tr("%n event(s) queued for replay.", nullptr, m_table->rowCount()));
}

void FailedEventsView::showPayload()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1 || !m_db) {
        m_payload->clear();
        return;
    }
    const qint64 id = m_table->item(rows.first().row(), 0)->data(Qt::UserRole).toLongLong();
    auto body = FailedEventsQuery(*m_db).body(id);
    m_payload->setPlainText(body ? PayloadRedactor::redact(*body) : QString());
}

} // namespace cb::ui
