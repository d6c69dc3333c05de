#include "mainwindow.h"

#include "emptystatewidget.h"
#include "sync/syncservice.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

namespace cb::ui {

MainWindow::MainWindow(SyncService *service, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service)
    , m_pages(new QStackedWidget(this))
    , m_state(new EmptyStateWidget(this))
    , m_statusStore(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Casebridge"));
    resize(1100, 720);
    m_pages->setObjectName(QStringLiteral("mainPages"));
    m_pages->addWidget(m_state);
    setCentralWidget(m_pages);
    m_statusStore->setObjectName(QStringLiteral("storeStatus"));
    statusBar()->addPermanentWidget(m_statusStore);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);

    m_state->setTitle(tr("Opening the case store…"));
    m_state->setText({});
    connect(m_service, &SyncService::storeReady, this, &MainWindow::handleStoreReady);
    connect(m_service, &SyncService::storeFailed, this, &MainWindow::handleStoreFailed);
}

MainWindow::~MainWindow() = default;

void MainWindow::openStore(const DatabaseLocation &location)
{
    m_statusStore->setText(tr("Store: %1").arg(location.displayName()));
    m_service->start(location);
}

void MainWindow::handleStoreReady(const StoreSummary &summary)
{
    m_statusStore->setText(tr("Store: %1 · %n case(s)", nullptr, int(summary.cases)).arg(summary.location));
    if (summary.integrations == 0) {
        m_state->setTitle(tr("No helpdesk connected yet"));
        m_state->setText(tr("Casebridge keeps your cases in two-way sync with Freshdesk. Connect a helpdesk to start: "
                            "run `casebridge-sync connect freshdesk --domain YOURCOMPANY --api-key-stdin`."));
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

} // namespace cb::ui
