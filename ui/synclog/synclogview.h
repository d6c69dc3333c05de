#pragma once

#include "integrationchoices.h"

#include <QPersistentModelIndex>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;

namespace cb {
class Database;
}

namespace cb::ui {

class SyncLogDetailPane;
class SyncLogModel;

// The live sync log: filters (helpdesk, direction, result, ticket, text) above a table that loads as you scroll and
// grows at the top as the sync logs (a bounded window of the log: scrolled back to the top, it shows the newest
// again), a detail pane for the selected row, and export of the filtered log to CSV.
class SyncLogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncLogView)

public:
    SyncLogView(Database *readOnly, SyncLogModel *model, QWidget *parent = nullptr);

    void setIntegrations(const QList<IntegrationChoices::Choice> &integrations);
    QSplitter *splitter() const { return m_splitter; }
    // Test seam: the next export writes here instead of asking with a file dialog.
    static void setNextExportPath(const QString &path);

public Q_SLOTS:
    void exportCsv();

Q_SIGNALS:
    void exportFinished(bool ok, const QString &message);

private:
    void applyFilter();
    void showSelected();
    // The selected row is held (the bounded model keeps it); scrolled away from the top, so are the rows on screen,
    // which stay on screen while rows come and go above them; at the top the view follows the newest rows.
    void holdShownRows();
    void keepShownRowsInPlace();

    Database *m_db;
    SyncLogModel *m_model;
    QComboBox *m_integration;
    QComboBox *m_direction;
    QComboBox *m_result;
    QLineEdit *m_ticket;
    QLineEdit *m_text;
    QPushButton *m_export;
    QTableView *m_table;
    SyncLogDetailPane *m_detail;
    QSplitter *m_splitter;
    QLabel *m_status;
    QTimer *m_debounce;
    QPersistentModelIndex m_firstShown;
    QPersistentModelIndex m_lastShown;
};

} // namespace cb::ui
