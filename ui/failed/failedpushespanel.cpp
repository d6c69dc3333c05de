#include "failedpushespanel.h"

#include "datetimetext.h"
#include "storage/failedpushesquery.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cb::ui {

namespace {
constexpr int MaxRows = 1000;
enum Column
{
    ColPush,
    ColCase,
    ColTicket,
    ColHelpdesk,
    ColChange,
    ColAttempts,
    ColWhen,
    ColAnswer,
    ColumnCount
};
} // namespace

FailedPushesPanel::FailedPushesPanel(Database *readOnly, QWidget *parent)
    : QWidget(parent)
    , m_db(readOnly)
    , m_table(new QTableWidget(this))
    , m_retry(new QPushButton(tr("Re&try selected pushes"), this))
    , m_discard(new QPushButton(tr("&Discard selected pushes"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("failedPushesPanel"));
    m_table->setObjectName(QStringLiteral("failedPushesTable"));
    m_table->setAccessibleName(tr("Pushes to the helpdesk that gave up"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Push"), tr("Case"), tr("Ticket"), tr("Helpdesk"), tr("Change"),
                                        tr("Attempts"), tr("Gave up"), tr("Helpdesk's answer")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_retry->setObjectName(QStringLiteral("retryPushButton"));
    m_discard->setObjectName(QStringLiteral("discardPushButton"));
    m_status->setObjectName(QStringLiteral("failedPushesStatus"));
    m_status->setWordWrap(true);

    auto *title = new QLabel(tr("<b>Pushes that gave up</b>"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_discard);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &FailedPushesPanel::updateButtons);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedIds();
        for (qint64 id : ids)
            Q_EMIT retryRequested(id);
        m_status->setText(tr("%n push(es) queued again.", nullptr, int(ids.size())));
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedIds();
        for (qint64 id : ids)
            Q_EMIT discardRequested(id);
        m_status->setText(tr("%n push(es) discarded.", nullptr, int(ids.size())));
    });
    refresh();
}

int FailedPushesPanel::pushCount() const
{
    return m_table->rowCount();
}

QList<qint64> FailedPushesPanel::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        ids << m_table->item(i.row(), ColPush)->data(Qt::UserRole).toLongLong();
    return ids;
}

void FailedPushesPanel::refresh()
{
    const QList<qint64> before = selectedIds();
    const QSet<qint64> selected(before.cbegin(), before.cend());
    const QSignalBlocker block(m_table);
    m_table->clearContents();
    m_table->setRowCount(0);
    if (!m_db) {
        updateButtons();
        return;
    }
    const FailedPushesQuery query(*m_db);
    auto pushes = query.page({0, MaxRows});
    if (!pushes) {
        m_status->setText(pushes.error().message);
        updateButtons();
        return;
    }
    for (const FailedPush &p : *pushes) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        QString change = p.op;
        if (!p.fields.isEmpty())
            change += QStringLiteral(": ") + QString::fromUtf8(QJsonDocument(p.fields).toJson(QJsonDocument::Compact));
        const QStringList cells = {QString::number(p.id),
                                   QString::number(p.caseId),
                                   p.ticketId ? QString::number(*p.ticketId) : QString(),
                                   p.helpdeskDomain,
                                   change,
                                   QString::number(p.attempts),
                                   DateTimeText::of(p.gaveUpAt),
                                   p.lastError};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            item->setData(Qt::UserRole, p.id);
            if (col == ColAnswer || col == ColChange)
                item->setToolTip(cells.at(col));
            m_table->setItem(row, col, item);
        }
        if (selected.contains(p.id))
            m_table->selectRow(row);
    }
    // All of them, also those beyond the rows listed.
    const auto total = query.count();
    const int dead = total ? int(*total) : m_table->rowCount();
    m_status->setText(dead == 0 ? tr("No push has given up.")
                                : tr("%n push(es) gave up. Fix the cause (see the helpdesk's answer), then retry "
                                     "them; or discard them to keep the value here only.",
                                     nullptr, dead));
    updateButtons();
}

void FailedPushesPanel::updateButtons()
{
    const bool any = !m_table->selectionModel()->selectedRows().isEmpty();
    m_retry->setEnabled(any);
    m_discard->setEnabled(any);
}

} // namespace cb::ui
