#include "backfillpage.h"

#include "providertexts.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace cb::ui {

BackfillPage::BackfillPage(QWidget *parent)
    : QWizardPage(parent)
    , m_backfill(new QCheckBox(tr("&Import open and pending tickets from the last 180 days"), this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("backfillPage"));
    setTitle(tr("Ready to connect"));
    setSubTitle(tr("Finish saves the integration and shows the webhook secret once."));
    m_backfill->setObjectName(QStringLiteral("backfillCheck"));
    m_backfill->setAccessibleName(tr("Import open and pending tickets from the last 180 days"));
    m_backfill->setChecked(true);
    m_note->setObjectName(QStringLiteral("backfillNote"));
    m_note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_backfill);
    layout->addWidget(m_note);
    layout->addStretch();
    setFinalPage(true);
    setProvider(QStringLiteral("freshdesk"));
}

void BackfillPage::setProvider(const QString &provider)
{
    m_note->setText(tr("The backfill only reads from %1; it never changes a ticket.")
                        .arg(ProviderTexts::forProvider(provider).name));
}

bool BackfillPage::backfill() const
{
    return m_backfill->isChecked();
}

} // namespace cb::ui
