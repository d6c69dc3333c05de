#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cb::ui {

// Step 2: domain and API key, verified live before Next is enabled. Nothing is stored by verifying. The page says
// where the key will be kept, as the sync thread found when the wizard opened; a real helpdesk's key with nowhere to
// keep it does not get past this page (the built-in sandbox's key is no secret and always can).
class AccountPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountPage)

public:
    explicit AccountPage(QWidget *parent = nullptr);

    bool isComplete() const override;
    QString domain() const;
    QByteArray apiKey() const;
    void prefill(const QString &domain, const QString &apiKey);
    // Words the page for a provider ("freshdesk" | "freshservice"): title, where the key is, domain example, advice.
    void setProvider(const QString &provider);
    QString provider() const;

public Q_SLOTS:
    // The answer to verifyRequested(): the agent on success, else the error code and one sentence.
    void setVerified(const QString &agentName, const QString &agentEmail);
    void setVerificationFailed(const QString &code, const QString &message);
    // The answer to ConsoleSyncProxy::checkKeyStorage (asked when the wizard opens): where a real helpdesk's key will
    // be kept ("keychain", "aes-gcm"), or that it cannot be (then only the built-in sandbox can be connected).
    void setKeyStorage(const QString &backend, bool available);

Q_SIGNALS:
    void verifyRequested(const QString &domain, const QByteArray &apiKey);

private:
    void handleVerifyClicked();
    void handleEdited();
    void showKeyStorage();

    QLineEdit *m_domain;
    QLineEdit *m_apiKey;
    QPushButton *m_verify;
    QLabel *m_status;
    QLabel *m_keyStorage; // where the key will be kept, truthfully
    QString m_provider;
    enum class KeyStorage
    {
        Checking,
        Keychain,
        Encrypted,
        None
    };
    KeyStorage m_storage = KeyStorage::Checking;
    bool m_verified = false;
    bool m_pending = false;
};

} // namespace cb::ui
