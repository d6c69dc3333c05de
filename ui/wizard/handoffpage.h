#pragma once

#include "domain/integrationsettings.h"

#include <QJsonArray>
#include <QWizardPage>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;

namespace cb::ui {

// Step 4: what "hand off" does to the ticket. The agent or group is picked by name from the verified account;
// while its names are not known (not read yet, or the helpdesk would not list them) it is typed as an id.
class HandoffPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HandoffPage)

public:
    explicit HandoffPage(QWidget *parent = nullptr);
    bool isComplete() const override;
    // Writes handoff, target and marker field into `settings`.
    void apply(IntegrationSettings &settings) const;
    // The verified account's agents and groups, each {"id", "name", "email"} (ConsoleSyncProxy::accountNamesRead).
    void setNames(const QJsonArray &agents, const QJsonArray &groups);

private:
    void fillPicker();
    bool picking() const; // names known for the chosen mode
    std::optional<qint64> target() const;

    QButtonGroup *m_group;
    QComboBox *m_picker;
    QLabel *m_pickerLabel;
    QLineEdit *m_target;
    QLabel *m_targetLabel;
    QLineEdit *m_marker;
    QJsonArray m_agents;
    QJsonArray m_groups;
};

} // namespace cb::ui
