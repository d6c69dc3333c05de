#include "commentspage.h"

#include "radiochoices.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace cb::ui {

CommentsPage::CommentsPage(QWidget *parent)
    : QWizardPage(parent)
    , m_group(new QButtonGroup(this))
    , m_footer(new QLineEdit(this))
{
    setObjectName(QStringLiteral("commentsPage"));
    setTitle(tr("Comments"));
    setSubTitle(tr("Comments added in Casebridge can go to the ticket as public replies (the customer sees them) or "
                   "as private notes."));
    auto *layout = new QVBoxLayout(this);
    addRadioChoices(
        this, m_group, layout,
        {
            {int(IntegrationSettings::CommentMode::Public), "commentsPublic", tr("As &public replies")},
            {int(IntegrationSettings::CommentMode::Private), "commentsPrivate", tr("As p&rivate notes")},
            {int(IntegrationSettings::CommentMode::Off), "commentsOff", tr("&Keep them in Casebridge only")},
        },
        int(IntegrationSettings::CommentMode::Off)); // off by default: nothing reaches a customer unasked
    m_footer->setObjectName(QStringLiteral("footerEdit"));
    m_footer->setAccessibleName(tr("Footer"));
    m_footer->setPlaceholderText(tr("Optional, e.g. — sent from Casebridge"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Footer:"), m_footer);
    layout->addLayout(form);
    layout->addStretch();
}

void CommentsPage::apply(IntegrationSettings &settings) const
{
    settings.comments = IntegrationSettings::CommentMode(m_group->checkedId());
    settings.footer = m_footer->text().trimmed();
}

} // namespace cb::ui
