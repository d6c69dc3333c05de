#include "intakepage.h"

#include "radiochoices.h"

#include <QButtonGroup>
#include <QVBoxLayout>

namespace cb::ui {

IntakePage::IntakePage(QWidget *parent)
    : QWizardPage(parent)
    , m_group(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("intakePage"));
    setTitle(tr("Which new tickets become cases?"));
    setSubTitle(tr("Tickets you import are always linked; this decides what arrives by webhook."));
    auto *layout = new QVBoxLayout(this);
    addRadioChoices(this, m_group, layout,
                    {
                        {int(IntegrationSettings::Intake::All), "intakeAll", tr("&Every new ticket")},
                        {int(IntegrationSettings::Intake::Assigned), "intakeAssigned",
                         tr("Only tickets &assigned to the connected agent or its group")},
                        {int(IntegrationSettings::Intake::None), "intakeNone", tr("&None: only tickets I import")},
                    },
                    int(IntegrationSettings::Intake::All));
    layout->addStretch();
}

IntegrationSettings::Intake IntakePage::intake() const
{
    return IntegrationSettings::Intake(m_group->checkedId());
}

} // namespace cb::ui
