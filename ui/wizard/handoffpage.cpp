#include "handoffpage.h"

#include "radiochoices.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace cb::ui {

HandoffPage::HandoffPage(QWidget *parent)
    : QWizardPage(parent)
    , m_group(new QButtonGroup(this))
    , m_target(new QLineEdit(this))
    , m_marker(new QLineEdit(QStringLiteral("cf_casebridge_handoff"), this))
{
    setObjectName(QStringLiteral("handoffPage"));
    setTitle(tr("Hand-off routing"));
    setSubTitle(tr("When you hand a case back, the ticket is never left with the connected agent. If the target "
                   "no longer exists, it is unassigned and marked instead."));
    auto *layout = new QVBoxLayout(this);
    addRadioChoices(
        this, m_group, layout,
        {
            {int(IntegrationSettings::HandoffMode::UnassignReopen), "handoffUnassign", tr("&Unassign and reopen")},
            {int(IntegrationSettings::HandoffMode::UnassignMarker), "handoffMarker",
             tr("Unassign and set the &marker field")},
            {int(IntegrationSettings::HandoffMode::AssignAgent), "handoffAgent", tr("Assign to an a&gent (id below)")},
            {int(IntegrationSettings::HandoffMode::AssignGroup), "handoffGroup", tr("Assign to a g&roup (id below)")},
        },
        int(IntegrationSettings::HandoffMode::UnassignReopen));
    m_target->setObjectName(QStringLiteral("handoffTargetEdit"));
    m_target->setAccessibleName(tr("Agent or group id"));
    m_target->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), this));
    m_marker->setObjectName(QStringLiteral("markerFieldEdit"));
    m_marker->setAccessibleName(tr("Marker field"));
    auto *form = new QFormLayout;
    form->addRow(tr("Agent or group &id:"), m_target);
    form->addRow(tr("Marker &field:"), m_marker);
    layout->addLayout(form);
    layout->addStretch();
    connect(m_group, &QButtonGroup::idToggled, this, &HandoffPage::completeChanged);
    connect(m_target, &QLineEdit::textChanged, this, &HandoffPage::completeChanged);
}

bool HandoffPage::isComplete() const
{
    const auto mode = IntegrationSettings::HandoffMode(m_group->checkedId());
    const bool needsTarget =
        mode == IntegrationSettings::HandoffMode::AssignAgent || mode == IntegrationSettings::HandoffMode::AssignGroup;
    return !needsTarget || m_target->text().toLongLong() > 0;
}

void HandoffPage::apply(IntegrationSettings &settings) const
{
    settings.handoff = IntegrationSettings::HandoffMode(m_group->checkedId());
    settings.handoffTargetId.reset();
    if (settings.handoff == IntegrationSettings::HandoffMode::AssignAgent ||
        settings.handoff == IntegrationSettings::HandoffMode::AssignGroup)
        settings.handoffTargetId = m_target->text().toLongLong();
    if (!m_marker->text().trimmed().isEmpty())
        settings.markerField = m_marker->text().trimmed();
}

} // namespace cb::ui
