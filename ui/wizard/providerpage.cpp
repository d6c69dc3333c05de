#include "providerpage.h"

#include "providertexts.h"

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
    const ProviderTexts freshdesk = ProviderTexts::forProvider(QStringLiteral("freshdesk"));
    const ProviderTexts freshservice = ProviderTexts::forProvider(QStringLiteral("freshservice"));
    m_freshdesk->setAccessibleName(freshdesk.name);
    m_freshdesk->setChecked(true);
    m_freshservice->setObjectName(QStringLiteral("providerFreshservice"));
    m_freshservice->setAccessibleName(freshservice.name);
    auto *note = new QLabel(
        tr("%1 and %2 are the helpdesks this version supports.").arg(freshdesk.name, freshservice.name), this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_freshdesk);
    layout->addWidget(m_freshservice);
    layout->addWidget(note);
    layout->addStretch();
    connect(m_freshservice, &QRadioButton::toggled, this, [this] { Q_EMIT providerChanged(provider()); });
}

void ProviderPage::setProvider(const QString &provider)
{
    if (provider == QLatin1String("freshservice"))
        m_freshservice->setChecked(true);
    else
        m_freshdesk->setChecked(true);
}

QString ProviderPage::provider() const
{
    return m_freshservice->isChecked() ? QStringLiteral("freshservice") : QStringLiteral("freshdesk");
}

} // namespace cb::ui
