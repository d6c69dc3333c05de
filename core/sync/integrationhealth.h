#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace cb {

// What the health panel shows for one integration.
struct IntegrationHealth
{
    QString integrationId;
    QString domain;
    QString agentName;
    QString state;
    QDateTime lastWebhookAt;
    QDateTime lastReconcileAt;
    qint64 inboxPending = 0;
    qint64 outboxPending = 0;
    qint64 failuresLastHour = 0;
    qint64 eventsLastHour = 0;
    int apiRemaining = -1; // -1: unknown yet
    int apiTotal = -1;
    bool holdsLease = false;
    QList<int> activity; // events per 5 minutes over the last hour, oldest first (12 buckets)
};

using IntegrationHealthList = QList<IntegrationHealth>;

} // namespace cb

Q_DECLARE_METATYPE(cb::IntegrationHealth)
Q_DECLARE_METATYPE(cb::IntegrationHealthList)
