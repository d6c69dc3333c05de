#pragma once

#include "domain/webhooksetupinfo.h"
#include "storage/databaselocation.h"
#include "sync/storesummary.h"

#include <QJsonObject>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace cb {
class Database;
class ConsoleSyncProxy;
} // namespace cb

namespace cb::ui {

class CasesModel;
class CasesView;
class EmptyStateWidget;
class FailedEventsView;
class HelpMenu;
class ImportDialog;
class IntegrationSettingsDialog;
class RotateKeyDialog;
class IntegrationHealthPanel;
class SetupWizard;
class SyncLogModel;
class SyncLogView;
class SyncTrayIcon;

// The console's main window. It never touches the store itself: the ConsoleSyncProxy opens it on the sync thread
// and reports back.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(ConsoleSyncProxy *service, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the store on the sync thread; the webhook receiver listens on `listen` (ADDR:PORT).
    void openStore(const DatabaseLocation &location, const QString &listen = QStringLiteral("127.0.0.1:8780"));
    // Opens the setup wizard; its verify and connect requests go to the sync thread.
    SetupWizard *openSetupWizard();
    // Opens (or raises) the import dialog; its start and cancel go to the sync thread.
    ImportDialog *openImportDialog();
    // Opens the settings of one integration (the only one, or the one picked when empty); null if none.
    IntegrationSettingsDialog *openSettingsDialog(const QString &integrationId = {});
    RotateKeyDialog *openRotateKeyDialog(const QString &integrationId);
    // Which helpdesks get their automation rules from the console itself (the built-in sandbox): their one-time
    // modal says there is nothing to copy.
    void setRegistersRules(std::function<bool(const cb::WebhookSetupInfo &)> registers);
    HelpMenu *helpMenu() const { return m_help; }
    SyncTrayIcon *trayIcon() const { return m_tray; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addStoreTabs();
    void showSummary();
    void recountCases();
    void saveSettings() const;
    void handleStoreReady(const cb::StoreSummary &summary);
    void handleStoreFailed(const QString &message);
    void handleConnected(const cb::WebhookSetupInfo &setup);
    void rotateWebhookSecret();
    void showScreenPop(const QString &integrationId, const QString &callId, const QJsonObject &match);

    ConsoleSyncProxy *m_service;
    std::function<bool(const cb::WebhookSetupInfo &)> m_registersRules;
    QTabWidget *m_tabs;
    QStackedWidget *m_pages;
    EmptyStateWidget *m_state;
    IntegrationHealthPanel *m_health;
    QLabel *m_statusStore;
    DatabaseLocation m_location;
    StoreSummary m_summary;
    std::unique_ptr<Database> m_readOnly; // the GUI thread's read-only connection, for its models
    CasesModel *m_cases = nullptr;
    CasesView *m_casesView = nullptr;
    SetupWizard *m_wizard = nullptr;
    SyncLogModel *m_syncLog = nullptr;
    SyncLogView *m_syncLogView = nullptr;
    FailedEventsView *m_failedView = nullptr;
    SyncTrayIcon *m_tray;
    QPointer<ImportDialog> m_import;
    HelpMenu *m_help = nullptr;
};

} // namespace cb::ui
