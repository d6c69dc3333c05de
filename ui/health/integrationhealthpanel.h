#pragma once

#include "sync/integrationhealth.h"

#include <QWidget>

class QTableWidget;

namespace cb::ui {

// One row per integration: domain, agent, last webhook, last reconcile, queues, failures, API budget and a
// sparkline of the last hour's activity.
class IntegrationHealthPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegrationHealthPanel)

public:
    explicit IntegrationHealthPanel(QWidget *parent = nullptr);

    static QString ago(const QDateTime &t, const QDateTime &now);

public Q_SLOTS:
    void setHealth(const cb::IntegrationHealthList &health);

Q_SIGNALS:
    void importRequested();

private:
    QTableWidget *m_table;
};

} // namespace cb::ui
