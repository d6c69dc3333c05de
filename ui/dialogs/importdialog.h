#pragma once

#include "domain/importrequest.h"
#include "integrationchoices.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace cb::ui {

// Import tickets into cases: by ticket ids (pasted ids or ticket URLs; invalid tokens highlighted) or by filter
// (status, updated since, limit). Shows the estimated API calls and time before starting, then progress, Cancel
// and a summary (imported, already linked, failed with reasons). The work runs on the sync thread: the dialog
// asks with startRequested/cancelRequested and is told with the handle* slots.
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    explicit ImportDialog(const QList<IntegrationChoices::Choice> &integrations, QWidget *parent = nullptr);

    // The request the current tab describes; nullopt while it is not valid.
    std::optional<ImportRequest> request() const;
    bool isRunning() const { return m_running; }
    void reject() override;

public Q_SLOTS:
    void handleStarted(const QString &integrationId, int estimatedCalls);
    void handleProgress(int done, int total);
    void handleFinished(const cb::ImportSummary &summary);

Q_SIGNALS:
    void startRequested(const QString &integrationId, const cb::ImportRequest &request);
    void cancelRequested();

private:
    static constexpr int ProviderRole = Qt::UserRole + 1; // the integration combo's provider per item

    QWidget *buildIdsTab();
    QWidget *buildFilterTab();
    void updateState();
    void highlightInvalid();
    void start();
    void setRunning(bool running);

    QComboBox *m_integration;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_ids = nullptr;
    QLabel *m_idsStatus = nullptr;
    QComboBox *m_status = nullptr;
    QCheckBox *m_sinceCheck = nullptr;
    QDateEdit *m_since = nullptr;
    QSpinBox *m_limit = nullptr;
    QLabel *m_filterStatus = nullptr;
    QLabel *m_estimate;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QPlainTextEdit *m_failures;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QPushButton *m_close;
    bool m_running = false;
};

} // namespace cb::ui
