#include "integrationhealthpanel.h"

#include "activitysparkline.h"
#include "integrationchoices.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cb::ui {

IntegrationHealthPanel::IntegrationHealthPanel(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("healthPanel"));
    m_table->setObjectName(QStringLiteral("healthTable"));
    m_table->setAccessibleName(tr("Integration health"));
    m_table->setColumnCount(9);
    m_table->setHorizontalHeaderLabels({tr("Helpdesk"), tr("Agent"), tr("State"), tr("Last webhook"),
                                        tr("Last reconcile"), tr("Queues (in/out)"), tr("Failures (1 h)"),
                                        tr("API budget"), tr("Activity (1 h)")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    auto *importButton = new QPushButton(tr("&Import tickets…"), this);
    importButton->setObjectName(QStringLiteral("importButton"));
    importButton->setAccessibleName(tr("Import tickets"));
    connect(importButton, &QPushButton::clicked, this, &IntegrationHealthPanel::importRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(importButton);
    layout->addLayout(buttons);
}

QString IntegrationHealthPanel::ago(const QDateTime &t, const QDateTime &now)
{
    if (!t.isValid())
        return tr("never");
    const qint64 s = std::max<qint64>(0, t.secsTo(now));
    if (s < 60)
        return tr("%n s ago", nullptr, int(s));
    if (s < 3600)
        return tr("%n min ago", nullptr, int(s / 60));
    if (s < 86400)
        return tr("%n h ago", nullptr, int(s / 3600));
    return tr("%n day(s) ago", nullptr, int(s / 86400));
}

void IntegrationHealthPanel::setHealth(const IntegrationHealthList &health)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_table->setRowCount(int(health.size()));
    for (int row = 0; row < health.size(); ++row) {
        const IntegrationHealth &h = health.at(row);
        const QString state = h.state != QLatin1String("active") ? tr("disconnected")
                              : h.holdsLease                     ? tr("syncing")
                                                                 : tr("standby (another process syncs)");
        const QString budget =
            h.apiRemaining < 0 ? tr("unknown yet") : tr("%1 of %2 left").arg(h.apiRemaining).arg(h.apiTotal);
        const QStringList cells = {IntegrationChoices::displayName(h.domain),
                                   h.agentName,
                                   state,
                                   ago(h.lastWebhookAt, now),
                                   ago(h.lastReconcileAt, now),
                                   QStringLiteral("%1 / %2").arg(h.inboxPending).arg(h.outboxPending),
                                   QString::number(h.failuresLastHour),
                                   budget};
        for (int col = 0; col < cells.size(); ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            if (col == 6 && h.failuresLastHour > 0)
                item->setForeground(QColor(0xb0, 0x00, 0x20));
            m_table->setItem(row, col, item);
        }
        auto *spark = qobject_cast<ActivitySparkline *>(m_table->cellWidget(row, 8));
        if (!spark) {
            spark = new ActivitySparkline(m_table);
            m_table->setCellWidget(row, 8, spark);
        }
        spark->setValues(h.activity);
    }
}

} // namespace cb::ui
