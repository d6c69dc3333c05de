#include "intakepage.h"

#include <QButtonGroup>
#include <QRadioButton>
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
    const struct
    {
        IntegrationSettings::Intake mode;
        const char *name;
        QString text;
    } options[] = {
        {IntegrationSettings::Intake::All, "intakeAll", tr("&Every new ticket")},
        {IntegrationSettings::Intake::Assigned, "intakeAssigned",
         tr("Only tickets &assigned to the connected agent or its group")},
        {IntegrationSettings::Intake::None, "intakeNone", tr("&None: only tickets I import")},
    };
    for (const auto &o : options) {
        auto *b = new QRadioButton(o.text, this);
        b->setObjectName(QLatin1String(o.name));
        b->setAccessibleName(QString(o.text).remove(QLatin1Char('&')));
        m_group->addButton(b, int(o.mode));
        layout->addWidget(b);
    }
    m_group->button(int(IntegrationSettings::Intake::All))->setChecked(true);
    layout->addStretch();
}

IntegrationSettings::Intake IntakePage::intake() const
{
    return IntegrationSettings::Intake(m_group->checkedId());
}

} // namespace cb::ui
