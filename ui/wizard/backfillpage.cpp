#include "backfillpage.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace cb::ui {

BackfillPage::BackfillPage(QWidget *parent)
    : QWizardPage(parent)
    , m_backfill(new QCheckBox(tr("&Import open and pending tickets from the last 180 days"), this))
{
    setObjectName(QStringLiteral("backfillPage"));
    setTitle(tr("Ready to connect"));
    setSubTitle(tr("Finish saves the integration and shows the webhook secret once."));
    m_backfill->setObjectName(QStringLiteral("backfillCheck"));
    m_backfill->setAccessibleName(tr("Import open and pending tickets from the last 180 days"));
    m_backfill->setChecked(true);
    auto *note = new QLabel(tr("The backfill only reads from Freshdesk; it never changes a ticket."), this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_backfill);
    layout->addWidget(note);
    layout->addStretch();
    setFinalPage(true);
}

bool BackfillPage::backfill() const
{
    return m_backfill->isChecked();
}

} // namespace cb::ui
