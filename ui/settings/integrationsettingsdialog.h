#pragma once

#include "domain/directorynames.h"
#include "domain/integration.h"
#include "domain/integrationsettings.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace cb {
class Database;
}

namespace cb::ui {

// One integration's settings after connect: intake, hand-off, comments, footer, reconcile interval. Agents and
// groups are picked by name from the account's directory (Refresh names reads them again from the helpdesk);
// each comment choice says who will see the comment. Save goes to the sync thread, which checks the choices
// against the account and answers (handleAdminDone / handleAdminFailed). Also the way to a new API key and to
// disconnecting.
class IntegrationSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegrationSettingsDialog)

public:
    IntegrationSettingsDialog(Database *readOnly, const QString &integrationId, QWidget *parent = nullptr);

    QString integrationId() const { return m_integration.id; }
    // The choices as the form shows them now.
    IntegrationSettings settings() const;

public Q_SLOTS:
    void handleAdminDone(const QString &action, const QString &integrationId, const QString &message);
    void handleAdminFailed(const QString &action, const QString &integrationId, const QString &message);
    // Reads the account's names again from the store (after a refresh) and refills the pickers.
    void reloadNames();

Q_SIGNALS:
    void saveRequested(const QString &integrationId, const cb::IntegrationSettings &settings);
    void refreshNamesRequested(const QString &integrationId);
    void rotateKeyRequested(const QString &integrationId);
    void disconnectRequested(const QString &integrationId);

private:
    void load();
    void fillPicker(QComboBox *picker, DirectoryKind kind, std::optional<qint64> selected);
    void updateEnabled();
    void save();
    void confirmDisconnect();
    void showStatus(const QString &message, bool error);

    Database *m_db;
    Integration m_integration;
    IntegrationSettings m_loaded;
    DirectoryNames m_names;
    QComboBox *m_intake;
    QComboBox *m_intakeGroup;
    QComboBox *m_handoff;
    QComboBox *m_handoffTarget;
    QLineEdit *m_markerField;
    QButtonGroup *m_comments;
    QLineEdit *m_footer;
    QSpinBox *m_reconcileMinutes;
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_refreshNames;
};

} // namespace cb::ui
