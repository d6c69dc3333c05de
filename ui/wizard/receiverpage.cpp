#include "receiverpage.h"

#include "providertexts.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUrl>
#include <QVBoxLayout>

namespace cb::ui {

ReceiverPage::ReceiverPage(QWidget *parent)
    : QWizardPage(parent)
    , m_listen(new QLineEdit(QStringLiteral("127.0.0.1:8780"), this))
    , m_publicUrl(new QLineEdit(this))
{
    setObjectName(QStringLiteral("receiverPage"));
    setTitle(tr("Webhook receiver"));
    m_listen->setObjectName(QStringLiteral("listenEdit"));
    m_listen->setAccessibleName(tr("Listen address"));
    m_publicUrl->setObjectName(QStringLiteral("publicUrlEdit"));
    m_publicUrl->setAccessibleName(tr("Public URL"));
    m_publicUrl->setPlaceholderText(tr("https://casebridge.example.com (optional)"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Listen on:"), m_listen);
    form->addRow(tr("&Public URL:"), m_publicUrl);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    connect(m_listen, &QLineEdit::textChanged, this, &ReceiverPage::completeChanged);
    connect(m_publicUrl, &QLineEdit::textChanged, this, &ReceiverPage::completeChanged);
    setProvider(QStringLiteral("freshdesk"));
}

void ReceiverPage::setProvider(const QString &provider)
{
    setSubTitle(tr("%1 sends changes to this address. On a desktop, put a tunnel or reverse proxy with HTTPS in front "
                   "of it and give its public URL.")
                    .arg(ProviderTexts::forProvider(provider).name));
}

bool ReceiverPage::isComplete() const
{
    const QString listen = listenAddress();
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    const int port = colon > 0 ? listen.mid(colon + 1).toInt() : 0;
    if (port <= 0 || port > 65535)
        return false;
    const QString pub = m_publicUrl->text().trimmed();
    if (pub.isEmpty())
        return true;
    const QUrl url(pub, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
           !url.host().isEmpty();
}

QString ReceiverPage::listenAddress() const
{
    return m_listen->text().trimmed();
}

QString ReceiverPage::receiverBaseUrl() const
{
    const QString pub = m_publicUrl->text().trimmed();
    return pub.isEmpty() ? QStringLiteral("http://") + listenAddress() : pub;
}

} // namespace cb::ui
