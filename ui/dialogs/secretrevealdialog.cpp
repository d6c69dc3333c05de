#include "secretrevealdialog.h"

#include "providertexts.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cb::ui {

SecretRevealDialog::SecretRevealDialog(const WebhookSetupInfo &info, QWidget *parent, Rules rules)
    : QDialog(parent)
    , m_stored(new QCheckBox(tr("I have &stored the secret"), this))
    , m_close(new QPushButton(tr("&Close"), this))
{
    setObjectName(QStringLiteral("secretRevealDialog"));
    setWindowTitle(tr("Webhook secret — shown once"));
    setModal(true);
    const ProviderTexts texts = ProviderTexts::forProvider(info.provider);
    auto *layout = new QVBoxLayout(this);
    const bool registered = rules == Rules::AlreadyRegistered;
    auto *warning = new QLabel(
        registered ? tr("<b>Nothing to copy:</b> Casebridge has registered these rules, with this secret, in the "
                        "built-in sandbox, so its webhooks already reach this console. A real helpdesk needs them "
                        "pasted into %1. Casebridge keeps only a hash of the secret.")
                         .arg(texts.webhookSetup.toHtmlEscaped())
                   : tr("<b>This secret is shown only once.</b> Copy it into %1 now; Casebridge keeps only a "
                        "hash and cannot show it again (rotate it to get a new one).")
                         .arg(texts.webhookSetup.toHtmlEscaped()),
        this);
    warning->setWordWrap(true);
    warning->setObjectName(QStringLiteral("secretWarning"));
    layout->addWidget(warning);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    const auto addRow = [&](const QString &name, const QString &label, const QString &value) {
        QLineEdit *edit = field(name, label, value);
        auto *copy = new QPushButton(tr("Copy"), this);
        copy->setObjectName(name + QStringLiteral("Copy"));
        copy->setAccessibleName(tr("Copy %1").arg(label));
        connect(copy, &QPushButton::clicked, this, [edit] { QGuiApplication::clipboard()->setText(edit->text()); });
        auto *row = new QHBoxLayout;
        row->addWidget(edit);
        row->addWidget(copy);
        form->addRow(label, row);
        return edit;
    };
    addRow(QStringLiteral("webhookUrl"), tr("Webhook URL"), info.webhookUrl);
    addRow(QStringLiteral("headerName"), tr("Header"), info.headerName);
    m_secret = addRow(QStringLiteral("secret"), tr("Secret"), info.secret);
    for (int i = 0; i < info.rulePayloads.size(); ++i) {
        auto *payload = new QPlainTextEdit(info.rulePayloads.at(i), this);
        payload->setObjectName(QStringLiteral("rulePayload%1").arg(i + 1));
        payload->setReadOnly(true);
        payload->setAccessibleName(texts.ruleName(i + 1));
        payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        payload->setMaximumHeight(90);
        auto *copy = new QPushButton(texts.copyRule(i + 1), this);
        copy->setObjectName(QStringLiteral("rulePayload%1Copy").arg(i + 1));
        connect(copy, &QPushButton::clicked, this, [payload] {
            QString text = payload->toPlainText();
            QGuiApplication::clipboard()->setText(text.mid(text.indexOf(QLatin1Char('{'))));
        });
        layout->addWidget(payload);
        layout->addWidget(copy, 0, Qt::AlignRight);
        m_payloads << payload;
    }
    m_stored->setObjectName(QStringLiteral("storedCheck"));
    m_close->setObjectName(QStringLiteral("closeButton"));
    m_close->setEnabled(registered);
    m_stored->setChecked(registered);
    m_stored->setVisible(!registered);
    layout->addWidget(m_stored);
    layout->addWidget(m_close, 0, Qt::AlignRight);
    connect(m_stored, &QCheckBox::toggled, m_close, &QPushButton::setEnabled);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    resize(720, 520);
}

SecretRevealDialog::~SecretRevealDialog()
{
    wipe();
}

QLineEdit *SecretRevealDialog::field(const QString &name, const QString &label, const QString &value)
{
    auto *edit = new QLineEdit(value, this);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setAccessibleName(label);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

bool SecretRevealDialog::canClose() const
{
    return m_stored->isChecked();
}

void SecretRevealDialog::wipe()
{
    if (m_secret)
        m_secret->setText(QString(m_secret->text().size(), QLatin1Char('*')));
}

void SecretRevealDialog::reject()
{
    if (canClose())
        QDialog::reject();
}

void SecretRevealDialog::done(int result)
{
    if (!canClose())
        return;
    wipe();
    QDialog::done(result);
}

void SecretRevealDialog::closeEvent(QCloseEvent *event)
{
    if (canClose())
        QDialog::closeEvent(event);
    else
        event->ignore();
}

} // namespace cb::ui
