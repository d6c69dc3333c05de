#pragma once

#include "domain/webhooksetupinfo.h"

#include <QDialog>

class QCheckBox;
class QPushButton;
class QPlainTextEdit;
class QLineEdit;

namespace cb::ui {

// The one-time secret modal: webhook URL, header, secret and the two rule payloads with copy buttons, worded for
// info.provider (Freshdesk automation rules or Freshservice Workflow Automator). It cannot be
// closed (button, Esc or window close) until "I have stored the secret" is checked; the secret is wiped on close.
// For a helpdesk whose rules the console registered itself (the built-in sandbox) it says so, nothing needs
// copying, and it closes at once.
class SecretRevealDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretRevealDialog)

public:
    enum class Rules
    {
        ToCopy,           // the admin pastes them into the helpdesk
        AlreadyRegistered // the console registered them (the built-in sandbox)
    };

    explicit SecretRevealDialog(const WebhookSetupInfo &info, QWidget *parent = nullptr, Rules rules = Rules::ToCopy);
    ~SecretRevealDialog() override;

    void reject() override;
    void done(int result) override;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QLineEdit *field(const QString &name, const QString &label, const QString &value);
    bool canClose() const;
    void wipe();

    QCheckBox *m_stored;
    QPushButton *m_close;
    QLineEdit *m_secret = nullptr;
    QList<QPlainTextEdit *> m_payloads;
};

} // namespace cb::ui
