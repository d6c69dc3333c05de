#pragma once

#include "domain/integrationsettings.h"

#include <QWizardPage>

class QButtonGroup;
class QLineEdit;

namespace cb::ui {

// Step 4: what "hand off" does to the ticket.
class HandoffPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HandoffPage)

public:
    explicit HandoffPage(QWidget *parent = nullptr);
    bool isComplete() const override;
    // Writes handoff, target and marker field into `settings`.
    void apply(IntegrationSettings &settings) const;

private:
    QButtonGroup *m_group;
    QLineEdit *m_target;
    QLineEdit *m_marker;
};

} // namespace cb::ui
