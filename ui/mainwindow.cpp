#include "mainwindow.h"

#include "casesmodel.h"
#include "casesview.h"
#include "emptystatewidget.h"
#include "failedeventsview.h"
#include "failedpushespanel.h"
#include "helpmenu.h"
#include "importdialog.h"
#include "integrationchoices.h"
#include "integrationhealthpanel.h"
#include "integrationsettingsdialog.h"
#include "providertexts.h"
#include "rotatekeydialog.h"
#include "screenpopdialog.h"
#include "secretrevealdialog.h"
#include "setupwizard.h"
#include "storage/caselistquery.h"
#include "storage/database.h"
#include "sync/consolesyncproxy.h"
#include "synclogmodel.h"
#include "synclogview.h"
#include "synctrayicon.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cb::ui {

MainWindow::MainWindow(ConsoleSyncProxy *service, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_tabs(new QTabWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_state(new EmptyStateWidget(this))
    , m_health(new IntegrationHealthPanel(this))
    , m_statusStore(new QLabel(this))
    , m_tray(new SyncTrayIcon(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Casebridge"));
    resize(1100, 720);
    m_pages->setObjectName(QStringLiteral("mainPages"));
    m_pages->addWidget(m_state);
    auto *overview = new QWidget(this);
    auto *overviewLayout = new QVBoxLayout(overview);
    overviewLayout->addWidget(m_pages, 1);
    overviewLayout->addWidget(m_health, 1);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->addTab(overview, tr("&Overview"));
    setCentralWidget(m_tabs);
    m_statusStore->setObjectName(QStringLiteral("storeStatus"));
    statusBar()->addPermanentWidget(m_statusStore);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(tr("&Connect a helpdesk…"), this, [this] { openSetupWizard(); });
    connectAction->setObjectName(QStringLiteral("actionConnect"));
    QAction *importAction = file->addAction(tr("&Import tickets…"), this, [this] { openImportDialog(); });
    QAction *rotateAction = file->addAction(tr("&Rotate webhook secret…"), this, [this] { rotateWebhookSecret(); });
    rotateAction->setObjectName(QStringLiteral("rotateSecretAction"));
    importAction->setObjectName(QStringLiteral("actionImport"));
    QAction *settingsAction = file->addAction(tr("Helpdesk &settings…"), this, [this] { openSettingsDialog(); });
    settingsAction->setObjectName(QStringLiteral("actionSettings"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    m_help = new HelpMenu(menuBar(), this);

    m_state->setTitle(tr("Opening the case store…"));
    m_state->setText({});
    connect(m_service, &ConsoleSyncProxy::storeReady, this, &MainWindow::handleStoreReady);
    connect(m_service, &ConsoleSyncProxy::storeFailed, this, &MainWindow::handleStoreFailed);
    connect(m_service, &ConsoleSyncProxy::healthChanged, m_health, &IntegrationHealthPanel::setHealth);
    connect(m_service, &ConsoleSyncProxy::healthChanged, m_tray, &SyncTrayIcon::setHealth);
    connect(m_health, &IntegrationHealthPanel::importRequested, this, [this] { openImportDialog(); });
    connect(m_tray, &SyncTrayIcon::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_tray, &SyncTrayIcon::failureNoticed, this,
            [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    connect(m_service, &ConsoleSyncProxy::screenPop, this, &MainWindow::showScreenPop);
    connect(m_service, &ConsoleSyncProxy::logAppended, this, [this] {
        if (m_syncLog)
            m_syncLog->appendNewer();
        if (m_failedView)
            m_failedView->refresh();
        m_tray->checkFailures();
    });
    connect(m_service, &ConsoleSyncProxy::importFinished, this, [this] {
        if (m_syncLog)
            m_syncLog->appendNewer(); // an import logs without the engine's logAppended
        m_tray->checkFailures();
    });
    connect(m_service, &ConsoleSyncProxy::connected, this, &MainWindow::handleConnected);
    connect(m_service, &ConsoleSyncProxy::secretRotated, this, &MainWindow::handleConnected); // the same one-time modal
    connect(m_service, &ConsoleSyncProxy::runtimeWarning, this,
            [this](const QString &m) { statusBar()->showMessage(m, 10000); });
    connect(m_service, &ConsoleSyncProxy::actionDone, this, [this](const QString &m) {
        if (m_failedView)
            m_failedView->refresh(); // a replay moved events back to pending
        if (m_casesView)
            m_casesView->showMessage(m, false);
    });
    connect(m_service, &ConsoleSyncProxy::adminDone, this,
            [this](const QString &action, const QString &, const QString &m) {
                statusBar()->showMessage(m, 10000);
                if (m_failedView && action == QLatin1String("push"))
                    m_failedView->refresh();
            });
    connect(m_service, &ConsoleSyncProxy::adminFailed, this,
            [this](const QString &, const QString &, const QString &m) { statusBar()->showMessage(m, 10000); });
    connect(m_service, &ConsoleSyncProxy::actionFailed, this, [this](const QString &m) {
        if (m_casesView)
            m_casesView->showMessage(m, true);
    });
    connect(m_service, &ConsoleSyncProxy::casesChanged, this, [this] {
        if (m_cases)
            m_cases->refresh();
        recountCases(); // an import or a webhook may have added cases since the store summary
    });

    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

ImportDialog *MainWindow::openImportDialog()
{
    if (m_import) {
        m_import->raise();
        return m_import;
    }
    m_import = new ImportDialog(IntegrationChoices::load(m_readOnly.get()), this);
    m_import->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_import, &ImportDialog::startRequested, m_service, &ConsoleSyncProxy::startImport);
    connect(m_import, &ImportDialog::cancelRequested, m_service, &ConsoleSyncProxy::cancelImport);
    connect(m_service, &ConsoleSyncProxy::importStarted, m_import, &ImportDialog::handleStarted);
    connect(m_service, &ConsoleSyncProxy::importProgress, m_import, &ImportDialog::handleProgress);
    connect(m_service, &ConsoleSyncProxy::importFinished, m_import, &ImportDialog::handleFinished);
    m_import->open();
    return m_import;
}

void MainWindow::addStoreTabs()
{
    m_syncLog = new SyncLogModel(m_readOnly.get(), this);
    m_syncLogView = new SyncLogView(m_readOnly.get(), m_syncLog, this);
    m_tabs->addTab(m_syncLogView, tr("Sync &log"));
    m_failedView = new FailedEventsView(m_readOnly.get(), this);
    m_tabs->addTab(m_failedView, tr("&Failed events"));
    connect(m_failedView, &FailedEventsView::replayRequested, m_service, &ConsoleSyncProxy::replay);
    connect(m_failedView->pushes(), &FailedPushesPanel::retryRequested, m_service, &ConsoleSyncProxy::retryPush);
    connect(m_failedView->pushes(), &FailedPushesPanel::discardRequested, m_service, &ConsoleSyncProxy::discardPush);
    const QSettings settings;
    m_syncLogView->splitter()->restoreState(settings.value(QStringLiteral("syncLog/splitter")).toByteArray());
    m_tray->setDatabase(m_readOnly.get());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    if (m_syncLogView)
        settings.setValue(QStringLiteral("syncLog/splitter"), m_syncLogView->splitter()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

SetupWizard *MainWindow::openSetupWizard()
{
    if (m_wizard) {
        m_wizard->raise();
        return m_wizard;
    }
    m_wizard = new SetupWizard(this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &QObject::destroyed, this, [this] { m_wizard = nullptr; });
    connect(m_wizard, &SetupWizard::verifyRequested, this, [this](const QString &domain, const QByteArray &key) {
        m_service->verify(m_wizard ? m_wizard->provider() : QStringLiteral("freshdesk"), domain, key);
    });
    connect(m_service, &ConsoleSyncProxy::verified, m_wizard, &SetupWizard::setVerified);
    connect(m_service, &ConsoleSyncProxy::accountNamesRead, m_wizard, &SetupWizard::setAccountNames);
    connect(m_service, &ConsoleSyncProxy::verifyFailed, m_wizard, &SetupWizard::setVerificationFailed);
    connect(m_wizard, &SetupWizard::connectRequested, m_service, &ConsoleSyncProxy::connectIntegration);
    connect(m_service, &ConsoleSyncProxy::connectFailed, m_wizard, &SetupWizard::setConnectFailed);
    connect(m_service, &ConsoleSyncProxy::connected, m_wizard, &SetupWizard::setConnected);
    // Where a real helpdesk's key can be kept is known before the account page needs it, not at Finish.
    connect(m_service, &ConsoleSyncProxy::keyStorageChecked, m_wizard,
            [this, wizard = m_wizard](const QString &backend, bool available, const QString &code) {
                if (code == QLatin1String("unavailable")) { // the store is not open yet: ask again once it is
                    connect(
                        m_service, &ConsoleSyncProxy::storeReady, wizard, [this] { m_service->checkKeyStorage(); },
                        Qt::SingleShotConnection);
                    return;
                }
                wizard->setKeyStorage(backend, available);
            });
    m_service->checkKeyStorage();
    m_wizard->open();
    return m_wizard;
}

void MainWindow::setRegistersRules(std::function<bool(const WebhookSetupInfo &)> registers)
{
    m_registersRules = std::move(registers);
}

void MainWindow::handleConnected(const WebhookSetupInfo &setup)
{
    const bool registered = m_registersRules && m_registersRules(setup);
    auto *dialog = new SecretRevealDialog(
        setup, this, registered ? SecretRevealDialog::Rules::AlreadyRegistered : SecretRevealDialog::Rules::ToCopy);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::rotateWebhookSecret()
{
    const QList<IntegrationChoices::Choice> choices = IntegrationChoices::load(m_readOnly.get());
    if (choices.isEmpty()) {
        QMessageBox::information(this, tr("Rotate webhook secret"), tr("No helpdesk is connected yet."));
        return;
    }
    QStringList labels;
    for (const auto &c : choices)
        labels << c.label;
    bool ok = choices.size() == 1;
    const QString picked =
        ok ? labels.constFirst()
           : QInputDialog::getItem(this, tr("Rotate webhook secret"), tr("Helpdesk:"), labels, 0, false, &ok);
    if (!ok)
        return;
    const IntegrationChoices::Choice &choice = choices.at(labels.indexOf(picked));
    const QString id = choice.id;
    const auto answer = QMessageBox::question(
        this, tr("Rotate webhook secret"),
        tr("Create a new webhook secret for %1? The current one keeps working for 24 hours, so you can update %2 "
           "without losing a webhook. The new secret is shown once.")
            .arg(picked, ProviderTexts::forProvider(choice.provider).webhookUpdate));
    if (answer == QMessageBox::Yes)
        m_service->rotateSecret(id, 24 * 3600);
}

IntegrationSettingsDialog *MainWindow::openSettingsDialog(const QString &integrationId)
{
    QString id = integrationId;
    if (id.isEmpty()) {
        const QList<IntegrationChoices::Choice> choices = IntegrationChoices::load(m_readOnly.get());
        if (choices.isEmpty()) {
            QMessageBox::information(this, tr("Helpdesk settings"), tr("No helpdesk is connected yet."));
            return nullptr;
        }
        QStringList labels;
        for (const auto &c : choices)
            labels << c.label;
        bool ok = choices.size() == 1;
        const QString picked =
            ok ? labels.constFirst()
               : QInputDialog::getItem(this, tr("Helpdesk settings"), tr("Helpdesk:"), labels, 0, false, &ok);
        if (!ok)
            return nullptr;
        id = choices.at(labels.indexOf(picked)).id;
    }
    auto *dialog = new IntegrationSettingsDialog(m_readOnly.get(), id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &IntegrationSettingsDialog::saveRequested, m_service, &ConsoleSyncProxy::saveSettings);
    connect(dialog, &IntegrationSettingsDialog::refreshNamesRequested, m_service, &ConsoleSyncProxy::refreshDirectory);
    connect(dialog, &IntegrationSettingsDialog::disconnectRequested, m_service,
            &ConsoleSyncProxy::disconnectIntegration);
    connect(dialog, &IntegrationSettingsDialog::rotateKeyRequested, this, &MainWindow::openRotateKeyDialog);
    connect(m_service, &ConsoleSyncProxy::adminDone, dialog, &IntegrationSettingsDialog::handleAdminDone);
    connect(m_service, &ConsoleSyncProxy::adminFailed, dialog, &IntegrationSettingsDialog::handleAdminFailed);
    dialog->open();
    return dialog;
}

RotateKeyDialog *MainWindow::openRotateKeyDialog(const QString &integrationId)
{
    auto *dialog = new RotateKeyDialog(m_readOnly.get(), integrationId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RotateKeyDialog::rotateRequested, m_service, &ConsoleSyncProxy::rotateKey);
    connect(m_service, &ConsoleSyncProxy::adminDone, dialog, &RotateKeyDialog::handleAdminDone);
    connect(m_service, &ConsoleSyncProxy::adminFailed, dialog, &RotateKeyDialog::handleAdminFailed);
    dialog->open();
    return dialog;
}

MainWindow::~MainWindow() = default;

void MainWindow::openStore(const DatabaseLocation &location, const QString &listen)
{
    m_location = location;
    m_statusStore->setText(tr("Store: %1").arg(location.displayName()));
    m_service->start(location, listen);
}

void MainWindow::handleStoreReady(const StoreSummary &summary)
{
    if (!m_readOnly) {
        // The writer (sync thread) created the file; the GUI reads through its own read-only connection.
        if (auto ro = Database::open(m_location, Database::Access::ReadOnly)) {
            m_readOnly = std::move(ro).value();
            m_cases = new CasesModel(m_readOnly.get(), this);
            m_casesView = new CasesView(m_cases, this);
            m_tabs->addTab(m_casesView, tr("C&ases"));
            connect(m_casesView, &CasesView::editRequested, m_service, &ConsoleSyncProxy::editCase);
            connect(m_casesView, &CasesView::commentRequested, m_service, &ConsoleSyncProxy::addComment);
            connect(m_casesView, &CasesView::handoffRequested, m_service, &ConsoleSyncProxy::handoff);
            addStoreTabs();
        }
    } else if (m_cases) {
        m_cases->refresh();
    }
    if (m_syncLogView)
        m_syncLogView->setIntegrations(IntegrationChoices::load(m_readOnly.get()));
    m_summary = summary;
    showSummary();
}

void MainWindow::recountCases()
{
    if (!m_readOnly)
        return;
    auto n = CaseListQuery(*m_readOnly).count();
    if (!n || *n == m_summary.cases)
        return;
    m_summary.cases = *n;
    showSummary();
}

void MainWindow::showSummary()
{
    const StoreSummary &summary = m_summary;
    m_statusStore->setText(tr("Store: %1 · %n case(s)", nullptr, int(summary.cases)).arg(summary.location));
    if (summary.integrations == 0) {
        m_state->setTitle(tr("No helpdesk connected yet"));
        const ProviderTexts freshdesk = ProviderTexts::forProvider(QStringLiteral("freshdesk"));
        const ProviderTexts freshservice = ProviderTexts::forProvider(QStringLiteral("freshservice"));
        m_state->setText(tr("Casebridge keeps your cases in two-way sync with %1 or %2. Connect a helpdesk to start: "
                            "use File → Connect a helpdesk…, or run `casebridge-sync connect %3 --domain YOURCOMPANY "
                            "--api-key-stdin` (or `connect %4`).")
                             .arg(freshdesk.name, freshservice.name, freshdesk.id, freshservice.id));
    } else {
        m_state->setTitle(tr("%n helpdesk(s) connected", nullptr, summary.integrations));
        m_state->setText(tr("%n case(s) in the store.", nullptr, int(summary.cases)));
    }
}

void MainWindow::handleStoreFailed(const QString &message)
{
    m_state->setTitle(tr("The case store could not be opened"));
    m_state->setText(message);
    m_statusStore->setText(tr("Store unavailable"));
}

void MainWindow::showScreenPop(const QString &integrationId, const QString &callId, const QJsonObject &match)
{
    Q_UNUSED(integrationId)
    auto *pop = new ScreenPopDialog(callId, match, this);
    connect(pop, &ScreenPopDialog::openCaseRequested, this, [this](qint64 caseId) {
        if (!m_casesView)
            return;
        m_tabs->setCurrentWidget(m_casesView);
        m_casesView->selectCase(caseId);
        showNormal();
        raise();
        activateWindow();
    });
    pop->show();
    pop->raise();
    statusBar()->showMessage(tr("Incoming call: %1").arg(match.value(QStringLiteral("phone_e164")).toString()), 10000);
}

} // namespace cb::ui
