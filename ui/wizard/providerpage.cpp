#include "providerpage.h"

#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace cb::ui {

ProviderPage::ProviderPage(QWidget *parent)
    : QWizardPage(parent)
    , m_freshdesk(new QRadioButton(tr("&Freshdesk"), this))
    , m_freshservice(new QRadioButton(tr("Fresh&service"), this))
{
    setObjectName(QStringLiteral("providerPage"));
    setTitle(tr("Choose your helpdesk"));
    setSubTitle(tr("Casebridge keeps your cases in two-way sync with it."));
    m_freshdesk->setObjectName(QStringLiteral("providerFreshdesk"));
    m_freshdesk->setAccessibleName(tr("Freshdesk"));
    m_freshdesk->setChecked(true);
    m_freshservice->setObjectName(QStringLiteral("providerFreshservice"));
    m_freshservice->setAccessibleName(tr("Freshservice"));
    auto *note = new QLabel(tr("Freshdesk and Freshservice are the helpdesks this version supports."), this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_freshdesk);
    layout->addWidget(m_freshservice);
    layout->addWidget(note);
    layout->addStretch();
}

QString ProviderPage::provider() const
{
    return m_freshservice->isChecked() ? QStringLiteral("freshservice") : QStringLiteral("freshdesk");
}

} // namespace cb::ui
