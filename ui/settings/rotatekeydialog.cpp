#include "rotatekeydialog.h"

#include "integrationchoices.h"
#include "providertexts.h"
#include "storage/integrationquery.h"
#include "sync/integrationmanager.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cb::ui {

RotateKeyDialog::RotateKeyDialog(Database *readOnly, const QString &integrationId, QWidget *parent)
    : QDialog(parent)
    , m_integrationId(integrationId)
    , m_key(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_verify(nullptr)
{
    setObjectName(QStringLiteral("rotateKeyDialog"));
    Integration integration;
    if (readOnly) {
        if (auto i = IntegrationQuery(*readOnly).get(integrationId))
            integration = *i;
    }
    const ProviderTexts texts = ProviderTexts::forProvider(integration.provider);
    setWindowTitle(tr("New API key for %1").arg(IntegrationChoices::displayName(integration.domain)));
    auto *intro = new QLabel(tr("Paste the new key of an administrator of %1 (%2). It is checked with the helpdesk "
                                "before it replaces the current one, and never shown again.")
                                 .arg(integration.domain, texts.apiKeyLocation),
                             this);
    intro->setWordWrap(true);
    m_key->setObjectName(QStringLiteral("newApiKeyEdit"));
    m_key->setAccessibleName(tr("New API key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setClearButtonEnabled(true);
    const QString base = integration.settings.value(QStringLiteral("receiver_base_url"))
                             .toString(QStringLiteral("http://127.0.0.1:8780"));
    auto *url = new QLabel(IntegrationManager::webhookUrl(base, integration.id, integration.provider), this);
    url->setObjectName(QStringLiteral("webhookUrlLabel"));
    url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("rotateKeyStatus"));
    m_status->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("New API &key:"), m_key);
    form->addRow(tr("Webhook URL (unchanged):"), url);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_verify = buttons->addButton(tr("&Verify and replace"), QDialogButtonBox::AcceptRole);
    m_verify->setObjectName(QStringLiteral("verifyKeyButton"));
    m_verify->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(m_key, &QLineEdit::textChanged, this,
            [this](const QString &t) { m_verify->setEnabled(!t.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_verify, &QPushButton::clicked, this, [this] {
        m_verify->setEnabled(false);
        m_key->setEnabled(false);
        m_status->setText(tr("Checking the key with the helpdesk…"));
        Q_EMIT rotateRequested(m_integrationId, m_key->text().trimmed().toUtf8());
    });
}

void RotateKeyDialog::handleAdminDone(const QString &action, const QString &integrationId, const QString &message)
{
    if (action != QLatin1String("rotate_key") || integrationId != m_integrationId)
        return;
    m_key->clear();
    m_status->setText(message);
    accept();
}

void RotateKeyDialog::handleAdminFailed(const QString &action, const QString &integrationId, const QString &message)
{
    if (action != QLatin1String("rotate_key") || integrationId != m_integrationId)
        return;
    m_key->clear(); // a rejected key is not kept either
    m_key->setEnabled(true);
    m_key->setFocus();
    m_status->setText(tr("The key was not changed: %1").arg(message));
}

} // namespace cb::ui
