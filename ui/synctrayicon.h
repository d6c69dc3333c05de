#pragma once

#include "sync/integrationhealth.h"

#include <QObject>

class QSystemTrayIcon;

namespace cb {
class Database;
}

namespace cb::ui {

// The sync status in the system tray (only where a tray exists): the tooltip sums up the helpdesks' health, and a
// notification appears when the sync log records a failure.
class SyncTrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncTrayIcon)

public:
    explicit SyncTrayIcon(QObject *parent = nullptr);

    bool isShown() const { return m_tray != nullptr; }
    void setDatabase(Database *readOnly);
    QString toolTip() const { return m_toolTip; }
    static QString summary(const IntegrationHealthList &health);

public Q_SLOTS:
    void setHealth(const cb::IntegrationHealthList &health);
    // Called when the sync log grew: notifies about rows logged as failed or dead since the last look.
    void checkFailures();

Q_SIGNALS:
    void activated();
    void failureNoticed(const QString &message);

private:
    QSystemTrayIcon *m_tray = nullptr;
    Database *m_db = nullptr;
    qint64 m_lastSeen = -1;
    QString m_toolTip;
};

} // namespace cb::ui
