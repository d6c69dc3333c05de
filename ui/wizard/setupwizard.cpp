#include "setupwizard.h"

#include "accountpage.h"
#include "backfillpage.h"
#include "commentspage.h"
#include "handoffpage.h"
#include "intakepage.h"
#include "providerpage.h"
#include "receiverpage.h"
#include "wizardpageids.h"

#include <QAbstractButton>
#include <QMessageBox>

namespace cb::ui {

SetupWizard::SetupWizard(QWidget *parent)
    : QWizard(parent)
    , m_provider(new ProviderPage(this))
    , m_account(new AccountPage(this))
    , m_intake(new IntakePage(this))
    , m_handoff(new HandoffPage(this))
    , m_comments(new CommentsPage(this))
    , m_receiver(new ReceiverPage(this))
    , m_backfill(new BackfillPage(this))
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Connect a helpdesk"));
    setWizardStyle(QWizard::ModernStyle);
    setMinimumSize(680, 520);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setPage(ProviderPageId, m_provider);
    setPage(AccountPageId, m_account);
    setPage(IntakePageId, m_intake);
    setPage(HandoffPageId, m_handoff);
    setPage(CommentsPageId, m_comments);
    setPage(ReceiverPageId, m_receiver);
    setPage(BackfillPageId, m_backfill);
    setStartId(ProviderPageId);
    button(QWizard::NextButton)->setObjectName(QStringLiteral("wizardNext"));
    button(QWizard::BackButton)->setObjectName(QStringLiteral("wizardBack"));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("wizardFinish"));
    button(QWizard::CancelButton)->setObjectName(QStringLiteral("wizardCancel"));
    connect(m_account, &AccountPage::verifyRequested, this, &SetupWizard::verifyRequested);
    connect(m_provider, &ProviderPage::providerChanged, this, &SetupWizard::handleProviderChanged);
}

void SetupWizard::setProvider(const QString &provider)
{
    m_provider->setProvider(provider);
}

void SetupWizard::handleProviderChanged(const QString &provider)
{
    // The pages that name the helpdesk follow the choice; a key verified for the other provider is verified no more.
    m_account->setProvider(provider);
    m_receiver->setProvider(provider);
    m_backfill->setProvider(provider);
}

void SetupWizard::prefill(const QString &domain, const QString &apiKey)
{
    m_account->prefill(domain, apiKey);
}

ConnectRequest SetupWizard::request() const
{
    ConnectRequest r;
    r.provider = m_provider->provider();
    r.domain = m_account->domain();
    r.apiKey = m_account->apiKey();
    r.settings.intake = m_intake->intake();
    m_handoff->apply(r.settings);
    m_comments->apply(r.settings);
    r.receiverBaseUrl = m_receiver->receiverBaseUrl();
    return r;
}

QString SetupWizard::provider() const
{
    return m_provider->provider();
}

bool SetupWizard::backfill() const
{
    return m_backfill->backfill();
}

QString SetupWizard::listenAddress() const
{
    return m_receiver->listenAddress();
}

void SetupWizard::setAccountNames(const QJsonArray &agents, const QJsonArray &groups)
{
    m_handoff->setNames(agents, groups);
}

void SetupWizard::setVerified(const QString &agentName, const QString &agentEmail)
{
    m_account->setVerified(agentName, agentEmail);
}

void SetupWizard::setVerificationFailed(const QString &code, const QString &message)
{
    m_account->setVerificationFailed(code, message);
}

void SetupWizard::setKeyStorage(const QString &backend, bool available)
{
    m_account->setKeyStorage(backend, available);
}

void SetupWizard::accept()
{
    if (m_saving)
        return;
    m_saving = true;
    button(QWizard::FinishButton)->setEnabled(false);
    button(QWizard::BackButton)->setEnabled(false);
    Q_EMIT connectRequested(request(), backfill());
}

void SetupWizard::setConnected()
{
    m_saving = false;
    QWizard::accept();
}

void SetupWizard::setConnectFailed(const QString &message)
{
    m_saving = false;
    button(QWizard::FinishButton)->setEnabled(true);
    button(QWizard::BackButton)->setEnabled(true);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Could not connect"), message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("connectFailedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace cb::ui
