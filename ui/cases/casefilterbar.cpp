#include "casefilterbar.h"

#include "casesmodel.h"
#include "integrationchoices.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

namespace cb::ui {

CaseFilterBar::CaseFilterBar(Database *readOnly, QWidget *parent)
    : QWidget(parent)
    , m_db(readOnly)
    , m_search(new QLineEdit(this))
    , m_helpdesk(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_settle(new QTimer(this))
{
    setObjectName(QStringLiteral("caseFilterBar"));
    m_search->setObjectName(QStringLiteral("caseSearchEdit"));
    m_search->setAccessibleName(tr("Search cases"));
    m_search->setPlaceholderText(tr("Search subject, requester or ticket number"));
    m_search->setClearButtonEnabled(true);
    m_helpdesk->setObjectName(QStringLiteral("caseHelpdeskFilter"));
    m_helpdesk->setAccessibleName(tr("Helpdesk"));
    m_status->setObjectName(QStringLiteral("caseStatusFilter"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Every status"), QString());
    for (const QString &s :
         {QStringLiteral("open"), QStringLiteral("pending"), QStringLiteral("resolved"), QStringLiteral("closed")})
        m_status->addItem(CasesModel::statusLabel(s), s);
    m_settle->setSingleShot(true);
    m_settle->setInterval(300);

    auto *searchLabel = new QLabel(tr("Sea&rch:"), this);
    searchLabel->setBuddy(m_search);
    auto *helpdeskLabel = new QLabel(tr("Help&desk:"), this);
    helpdeskLabel->setBuddy(m_helpdesk);
    auto *statusLabel = new QLabel(tr("Stat&us:"), this);
    statusLabel->setBuddy(m_status);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(searchLabel);
    layout->addWidget(m_search, 1);
    layout->addWidget(helpdeskLabel);
    layout->addWidget(m_helpdesk);
    layout->addWidget(statusLabel);
    layout->addWidget(m_status);

    reloadHelpdesks();
    connect(m_search, &QLineEdit::textChanged, m_settle, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_settle->stop();
        Q_EMIT viewChanged();
    });
    connect(m_settle, &QTimer::timeout, this, &CaseFilterBar::viewChanged);
    connect(m_helpdesk, &QComboBox::currentIndexChanged, this, &CaseFilterBar::viewChanged);
    connect(m_status, &QComboBox::currentIndexChanged, this, &CaseFilterBar::viewChanged);
}

void CaseFilterBar::reloadHelpdesks()
{
    const QList<IntegrationChoices::Choice> choices = IntegrationChoices::load(m_db);
    bool same = m_helpdesk->count() == choices.size() + 1;
    for (int i = 0; same && i < choices.size(); ++i)
        same = m_helpdesk->itemData(i + 1).toString() == choices.at(i).id;
    if (same)
        return; // nothing to redraw (an open list stays open)
    const QString chosen = m_helpdesk->currentData().toString();
    const QSignalBlocker quiet(m_helpdesk);
    m_helpdesk->clear();
    m_helpdesk->addItem(tr("Every helpdesk"), QString());
    for (const IntegrationChoices::Choice &c : choices)
        m_helpdesk->addItem(c.label, c.id);
    const int at = m_helpdesk->findData(chosen);
    m_helpdesk->setCurrentIndex(at < 0 ? 0 : at);
    if (at < 0 && !chosen.isEmpty())
        Q_EMIT viewChanged(); // the chosen helpdesk is gone
}

void CaseFilterBar::clear()
{
    const QSignalBlocker quietSearch(m_search);
    const QSignalBlocker quietHelpdesk(m_helpdesk);
    const QSignalBlocker quietStatus(m_status);
    m_settle->stop();
    m_search->clear();
    m_helpdesk->setCurrentIndex(0);
    m_status->setCurrentIndex(0);
}

CaseListQuery::View CaseFilterBar::view() const
{
    CaseListQuery::View v;
    v.search = m_search->text().trimmed();
    v.integrationId = m_helpdesk->currentData().toString();
    v.status = m_status->currentData().toString();
    return v;
}

} // namespace cb::ui
