#include "synctrayicon.h"

#include "storage/synclogquery.h"

#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace cb::ui {

namespace {
QIcon dotIcon(const QColor &color)
{
    QPixmap pix(32, 32);
    pix.fill(Qt::transparent);
    QPainter p(&pix);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(color);
    p.setPen(Qt::NoPen);
    p.drawEllipse(4, 4, 24, 24);
    return QIcon(pix);
}
} // namespace

SyncTrayIcon::SyncTrayIcon(QObject *parent)
    : QObject(parent)
{
    setObjectName(QStringLiteral("syncTrayIcon"));
    m_toolTip = tr("Casebridge: starting…");
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(dotIcon(QColor(0x60, 0x60, 0x60)), this);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    m_tray->setToolTip(m_toolTip);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT activated();
    });
    m_tray->show();
}

void SyncTrayIcon::setDatabase(Database *readOnly)
{
    m_db = readOnly;
    m_lastSeen = -1;
    checkFailures(); // remembers where the log stands; only later failures notify
}

QString SyncTrayIcon::summary(const IntegrationHealthList &health)
{
    if (health.isEmpty())
        return tr("Casebridge: no helpdesk connected");
    qint64 inbox = 0, outbox = 0, failures = 0;
    int syncing = 0;
    for (const IntegrationHealth &h : health) {
        inbox += h.inboxPending;
        outbox += h.outboxPending;
        failures += h.failuresLastHour;
        syncing += h.holdsLease ? 1 : 0;
    }
    return tr("Casebridge: %1 of %n helpdesk(s) syncing · queues %2 in / %3 out · %4", nullptr, int(health.size()))
        .arg(syncing)
        .arg(inbox)
        .arg(outbox)
        .arg(tr("%n failure(s) in the last hour", nullptr, int(failures)));
}

void SyncTrayIcon::setHealth(const IntegrationHealthList &health)
{
    m_toolTip = summary(health);
    if (!m_tray)
        return;
    m_tray->setToolTip(m_toolTip);
    bool failing = false;
    for (const IntegrationHealth &h : health)
        failing = failing || h.failuresLastHour > 0;
    m_tray->setIcon(dotIcon(failing ? QColor(0xc0, 0x30, 0x30) : QColor(0x2e, 0x9d, 0x4f)));
}

void SyncTrayIcon::checkFailures()
{
    if (!m_db)
        return;
    const SyncLogQuery log(*m_db);
    auto max = log.lastId();
    const qint64 newest = max ? *max : 0;
    const qint64 from = m_lastSeen;
    m_lastSeen = newest;
    if (from < 0 || newest <= from)
        return; // the first look only remembers where the log stands
    auto count = log.failureCount({0, newest, from});
    const int failures = count ? int(*count) : 0;
    if (failures == 0)
        return;
    const QString message =
        tr("%n sync failure(s) logged. Open the Sync log tab (filter: Failed) to see what to do.", nullptr, failures);
    Q_EMIT failureNoticed(message);
    if (m_tray)
        m_tray->showMessage(tr("Casebridge sync failure"), message, QSystemTrayIcon::Warning, 10000);
}

} // namespace cb::ui
