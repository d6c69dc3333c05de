#pragma once

#include "domain/integrationsettings.h"

#include <QWizardPage>

class QButtonGroup;

namespace cb::ui {

// Step 3: which new tickets become cases.
class IntakePage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntakePage)

public:
    explicit IntakePage(QWidget *parent = nullptr);
    IntegrationSettings::Intake intake() const;

private:
    QButtonGroup *m_group;
};

} // namespace cb::ui
