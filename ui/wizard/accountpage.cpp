#include "accountpage.h"

#include "providertexts.h"
#include "secrets/sandboxawaresecretstore.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cb::ui {

AccountPage::AccountPage(QWidget *parent)
    : QWizardPage(parent)
    , m_domain(new QLineEdit(this))
    , m_apiKey(new QLineEdit(this))
    , m_verify(new QPushButton(tr("&Verify"), this))
    , m_status(new QLabel(this))
    , m_keyStorage(new QLabel(this))
{
    setObjectName(QStringLiteral("accountPage"));
    m_domain->setObjectName(QStringLiteral("domainEdit"));
    m_domain->setAccessibleName(tr("Helpdesk domain"));
    m_apiKey->setObjectName(QStringLiteral("apiKeyEdit"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setAccessibleName(tr("API key"));
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verify->setAccessibleName(tr("Verify the domain and API key"));
    m_verify->setEnabled(false);
    m_status->setObjectName(QStringLiteral("verifyStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keyStorage->setObjectName(QStringLiteral("keyStorageNote"));
    m_keyStorage->setWordWrap(true);
    m_keyStorage->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Domain:"), m_domain);
    form->addRow(tr("API &key:"), m_apiKey);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_verify, 0, Qt::AlignLeft);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_keyStorage);
    setTabOrder(m_domain, m_apiKey);
    setTabOrder(m_apiKey, m_verify);

    connect(m_domain, &QLineEdit::textEdited, this, &AccountPage::handleEdited);
    connect(m_apiKey, &QLineEdit::textEdited, this, &AccountPage::handleEdited);
    connect(m_verify, &QPushButton::clicked, this, &AccountPage::handleVerifyClicked);
    connect(m_apiKey, &QLineEdit::returnPressed, this, &AccountPage::handleVerifyClicked);
    setProvider(QStringLiteral("freshdesk"));
}

void AccountPage::setProvider(const QString &provider)
{
    const ProviderTexts texts = ProviderTexts::forProvider(provider);
    const bool changed = !m_provider.isEmpty() && m_provider != texts.id;
    m_provider = texts.id;
    if (changed)
        handleEdited(); // a key verified against the other helpdesk must be checked again
    setTitle(tr("Connect your %1 account").arg(texts.name));
    setSubTitle(tr("Use an administrator's API key (%1).").arg(texts.apiKeyLocation));
    m_domain->setPlaceholderText(texts.domainExample);
    showKeyStorage();
}

void AccountPage::setKeyStorage(const QString &backend, bool available)
{
    m_storage = !available                             ? KeyStorage::None
                : backend == QLatin1String("aes-gcm")  ? KeyStorage::Encrypted
                : backend == QLatin1String("keychain") ? KeyStorage::Keychain
                                                       : KeyStorage::None;
    showKeyStorage();
    Q_EMIT completeChanged();
}

void AccountPage::showKeyStorage()
{
    QString where;
    switch (m_storage) {
    case KeyStorage::Checking:
        where = tr("Checking where the API key can be kept…");
        break;
    case KeyStorage::Keychain:
        where = tr("The API key will be kept in your system keychain, never in the database.");
        break;
    case KeyStorage::Encrypted:
        where = tr("The API key will be kept encrypted in the case store under ENCRYPTION_KEY.");
        break;
    case KeyStorage::None:
        where = tr("⚠ No keyring answers and ENCRYPTION_KEY is not set, so the API key of a real helpdesk cannot be "
                   "kept. Start or unlock your desktop's keyring (GNOME Keyring, KWallet) and open this wizard "
                   "again, or quit and start Casebridge with ENCRYPTION_KEY set to 64 hex characters (e.g. "
                   "`openssl rand -hex 32`).");
        break;
    }
    m_keyStorage->setText(tr("%1 The built-in sandbox's key is no secret and is kept in the store.").arg(where));
    m_keyStorage->setAccessibleName(m_keyStorage->text());
}

QString AccountPage::provider() const
{
    return m_provider;
}

bool AccountPage::isComplete() const
{
    const bool keyCanBeKept = m_storage == KeyStorage::Keychain || m_storage == KeyStorage::Encrypted ||
                              SandboxAwareSecretStore::isSandboxKey(domain(), apiKey());
    return m_verified && keyCanBeKept;
}

QString AccountPage::domain() const
{
    return m_domain->text().trimmed();
}

QByteArray AccountPage::apiKey() const
{
    return m_apiKey->text().trimmed().toUtf8();
}

void AccountPage::prefill(const QString &domain, const QString &apiKey)
{
    m_domain->setText(domain);
    m_apiKey->setText(apiKey);
    handleEdited();
}

void AccountPage::handleEdited()
{
    const bool wasVerified = m_verified;
    m_verified = false;
    m_verify->setEnabled(!m_pending && !domain().isEmpty() && !apiKey().isEmpty());
    if (!m_pending)
        m_status->clear();
    if (wasVerified)
        Q_EMIT completeChanged();
}

void AccountPage::handleVerifyClicked()
{
    if (m_pending || domain().isEmpty() || apiKey().isEmpty())
        return;
    m_pending = true;
    m_verify->setEnabled(false);
    m_status->setText(tr("Checking %1…").arg(domain()));
    Q_EMIT verifyRequested(domain(), apiKey());
}

void AccountPage::setVerified(const QString &agentName, const QString &agentEmail)
{
    m_pending = false;
    m_verified = true;
    m_verify->setEnabled(true);
    m_status->setText(tr("✔ Connected as %1 <%2>.").arg(agentName, agentEmail));
    if (!isComplete())
        m_status->setText(m_status->text() + QLatin1Char(' ') +
                          (m_storage == KeyStorage::Checking ? tr("Next is enabled once it is clear where the key "
                                                                  "can be kept.")
                                                             : tr("✘ But its key cannot be kept here: see below.")));
    m_status->setAccessibleName(m_status->text());
    Q_EMIT completeChanged();
}

void AccountPage::setVerificationFailed(const QString &code, const QString &message)
{
    m_pending = false;
    m_verified = false;
    m_verify->setEnabled(!domain().isEmpty() && !apiKey().isEmpty());
    const ProviderTexts texts = ProviderTexts::forProvider(m_provider);
    QString advice = message;
    if (code == QLatin1String("invalid_credentials"))
        advice = tr("The API key was rejected. Copy it again from your %1 profile (%2).")
                     .arg(texts.name, texts.apiKeyLocation);
    else if (code == QLatin1String("not_admin"))
        advice = tr("This key belongs to an agent who is not an administrator. Use an administrator's API key.");
    else if (code == QLatin1String("unknown_domain"))
        advice = tr("No %1 account answers at %2. Check the domain (e.g. %3).")
                     .arg(texts.name, domain(), texts.domainExample);
    m_status->setText(tr("✘ %1").arg(advice));
    m_status->setAccessibleName(m_status->text());
    Q_EMIT completeChanged();
}

} // namespace cb::ui
