#pragma once

#include "sync/integrationmanager.h"

#include <QJsonArray>
#include <QWizard>

namespace cb::ui {

class AccountPage;
class BackfillPage;
class CommentsPage;
class HandoffPage;
class IntakePage;
class ProviderPage;
class ReceiverPage;

// Connect a helpdesk: provider → domain + key (verified live) → intake → hand-off → comments → receiver →
// backfill → save. The wizard never waits: it asks by signal and the answers come back through its slots.
class SetupWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupWizard)

public:
    explicit SetupWizard(QWidget *parent = nullptr);

    ConnectRequest request() const;
    bool backfill() const;
    QString listenAddress() const;
    QString provider() const;                  // the provider page's choice
    void setProvider(const QString &provider); // chooses it on the provider page (e.g. for the sandbox)
    void prefill(const QString &domain, const QString &apiKey);
    AccountPage *accountPage() const { return m_account; }

    void accept() override;

public Q_SLOTS:
    void setVerified(const QString &agentName, const QString &agentEmail);
    void setVerificationFailed(const QString &code, const QString &message);
    void setKeyStorage(const QString &backend, bool available); // see AccountPage::setKeyStorage
    void setConnected();
    void setConnectFailed(const QString &message);
    // The verified account's agents and groups, for the hand-off page's pickers.
    void setAccountNames(const QJsonArray &agents, const QJsonArray &groups);

Q_SIGNALS:
    void verifyRequested(const QString &domain, const QByteArray &apiKey);
    void connectRequested(const cb::ConnectRequest &request, bool backfill);

private:
    void handleProviderChanged(const QString &provider);

    ProviderPage *m_provider;
    AccountPage *m_account;
    IntakePage *m_intake;
    HandoffPage *m_handoff;
    CommentsPage *m_comments;
    ReceiverPage *m_receiver;
    BackfillPage *m_backfill;
    bool m_saving = false;
};

} // namespace cb::ui
