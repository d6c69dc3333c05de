#pragma once

#include "storage/databaselocation.h"
#include "sync/storesummary.h"

#include <QMainWindow>

class QLabel;
class QStackedWidget;

namespace cb {
class SyncService;
}

namespace cb::ui {

class EmptyStateWidget;

// The console's main window. It never touches the store itself: the SyncService opens it on the sync thread
// and reports back.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(SyncService *service, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openStore(const DatabaseLocation &location);

private:
    void handleStoreReady(const cb::StoreSummary &summary);
    void handleStoreFailed(const QString &message);

    SyncService *m_service;
    QStackedWidget *m_pages;
    EmptyStateWidget *m_state;
    QLabel *m_statusStore;
};

} // namespace cb::ui
