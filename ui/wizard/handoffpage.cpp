#include "handoffpage.h"

#include "radiochoices.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace cb::ui {

using Mode = IntegrationSettings::HandoffMode;

HandoffPage::HandoffPage(QWidget *parent)
    : QWizardPage(parent)
    , m_group(new QButtonGroup(this))
    , m_picker(new QComboBox(this))
    , m_pickerLabel(new QLabel(tr("&Agent or group:"), this))
    , m_target(new QLineEdit(this))
    , m_targetLabel(new QLabel(tr("Agent or group &id:"), this))
    , m_marker(new QLineEdit(QStringLiteral("cf_casebridge_handoff"), this))
{
    setObjectName(QStringLiteral("handoffPage"));
    setTitle(tr("Hand-off routing"));
    setSubTitle(tr("When you hand a case back, the ticket is never left with the connected agent. If the target "
                   "no longer exists, it is unassigned and marked instead."));
    auto *layout = new QVBoxLayout(this);
    addRadioChoices(this, m_group, layout,
                    {
                        {int(Mode::UnassignReopen), "handoffUnassign", tr("&Unassign and reopen")},
                        {int(Mode::UnassignMarker), "handoffMarker", tr("Unassign and set the &marker field")},
                        {int(Mode::AssignAgent), "handoffAgent", tr("Assign to an a&gent (chosen below)")},
                        {int(Mode::AssignGroup), "handoffGroup", tr("Assign to a g&roup (chosen below)")},
                    },
                    int(Mode::UnassignReopen));
    m_picker->setObjectName(QStringLiteral("handoffTargetCombo"));
    m_picker->setAccessibleName(tr("Hand-off agent or group"));
    m_pickerLabel->setBuddy(m_picker);
    m_target->setObjectName(QStringLiteral("handoffTargetEdit"));
    m_target->setAccessibleName(tr("Agent or group id"));
    m_target->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), this));
    m_targetLabel->setBuddy(m_target);
    m_marker->setObjectName(QStringLiteral("markerFieldEdit"));
    m_marker->setAccessibleName(tr("Marker field"));
    auto *form = new QFormLayout;
    form->addRow(m_pickerLabel, m_picker);
    form->addRow(m_targetLabel, m_target);
    form->addRow(tr("Marker &field:"), m_marker);
    layout->addLayout(form);
    layout->addStretch();
    connect(m_group, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            fillPicker();
    });
    connect(m_picker, &QComboBox::currentIndexChanged, this, &HandoffPage::completeChanged);
    connect(m_target, &QLineEdit::textChanged, this, &HandoffPage::completeChanged);
    fillPicker();
}

void HandoffPage::setNames(const QJsonArray &agents, const QJsonArray &groups)
{
    m_agents = agents;
    m_groups = groups;
    fillPicker();
}

bool HandoffPage::picking() const
{
    const auto mode = Mode(m_group->checkedId());
    return (mode == Mode::AssignAgent && !m_agents.isEmpty()) || (mode == Mode::AssignGroup && !m_groups.isEmpty());
}

void HandoffPage::fillPicker()
{
    const auto mode = Mode(m_group->checkedId());
    const bool needsTarget = mode == Mode::AssignAgent || mode == Mode::AssignGroup;
    {
        const QSignalBlocker quiet(m_picker);
        m_picker->clear();
        for (const QJsonValue &v : mode == Mode::AssignAgent ? m_agents : m_groups) {
            const QJsonObject o = v.toObject();
            const QString name = o.value(QStringLiteral("name")).toString();
            const QString email = o.value(QStringLiteral("email")).toString();
            m_picker->addItem(email.isEmpty() ? name : tr("%1 (%2)").arg(name, email),
                              o.value(QStringLiteral("id")).toInteger());
        }
    }
    m_picker->setVisible(needsTarget && picking());
    m_pickerLabel->setVisible(needsTarget && picking());
    m_pickerLabel->setText(mode == Mode::AssignAgent ? tr("&Agent:") : tr("Grou&p:"));
    m_target->setVisible(needsTarget && !picking());
    m_targetLabel->setVisible(needsTarget && !picking());
    Q_EMIT completeChanged();
}

std::optional<qint64> HandoffPage::target() const
{
    if (picking())
        return m_picker->currentIndex() >= 0 ? std::optional<qint64>(m_picker->currentData().toLongLong())
                                             : std::nullopt;
    const qint64 typed = m_target->text().toLongLong();
    return typed > 0 ? std::optional<qint64>(typed) : std::nullopt;
}

bool HandoffPage::isComplete() const
{
    const auto mode = Mode(m_group->checkedId());
    const bool needsTarget = mode == Mode::AssignAgent || mode == Mode::AssignGroup;
    return !needsTarget || target().has_value();
}

void HandoffPage::apply(IntegrationSettings &settings) const
{
    settings.handoff = Mode(m_group->checkedId());
    settings.handoffTargetId.reset();
    if (settings.handoff == Mode::AssignAgent || settings.handoff == Mode::AssignGroup)
        settings.handoffTargetId = target();
    if (!m_marker->text().trimmed().isEmpty())
        settings.markerField = m_marker->text().trimmed();
}

} // namespace cb::ui
