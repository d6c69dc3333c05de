#include "commentspage.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QLineEdit>
#include <QRadioButton>
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
    const struct
    {
        IntegrationSettings::CommentMode mode;
        const char *name;
        QString text;
    } options[] = {
        {IntegrationSettings::CommentMode::Public, "commentsPublic", tr("As &public replies")},
        {IntegrationSettings::CommentMode::Private, "commentsPrivate", tr("As p&rivate notes")},
        {IntegrationSettings::CommentMode::Off, "commentsOff", tr("&Keep them in Casebridge only")},
    };
    for (const auto &o : options) {
        auto *b = new QRadioButton(o.text, this);
        b->setObjectName(QLatin1String(o.name));
        b->setAccessibleName(QString(o.text).remove(QLatin1Char('&')));
        m_group->addButton(b, int(o.mode));
        layout->addWidget(b);
    }
    m_group->button(int(IntegrationSettings::CommentMode::Public))->setChecked(true);
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
