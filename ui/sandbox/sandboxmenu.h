#pragma once

#include "domain/webhooksetupinfo.h"

#include <QJsonObject>
#include <QMenu>

#include <functional>
#include <optional>

namespace cb {
class SandboxHelpdesk;
class SandboxService;
class ConsoleSyncProxy;
} // namespace cb

namespace cb::ui {

class MainWindow;

// The Sandbox menu of `casebridge --sandbox`: act in the built-in helpdesk as its people would, then watch each
// change arrive in Cases and the Sync log. As an agent: status, priority, assignee, a private note; as a customer:
// a reply, a new ticket; as trouble: webhooks dropped for a minute, the API failing with 503 for a minute, the
// API budget spent. Agent and customer actions work on the ticket of the selected case (or one asked for).
// Everything runs on the sandbox's own thread; the GUI never waits for it.
class SandboxMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxMenu)

public:
    using TicketSource = std::function<std::optional<qint64>()>;

    // `domain` is the sandbox's host:port; `selectedTicket` gives the ticket of the case selected in Cases.
    SandboxMenu(SandboxService *sandbox, QString domain, TicketSource selectedTicket, QWidget *parent = nullptr);

    // What `casebridge --sandbox` does with a running sandbox: the menu in the window's menu bar (acting on the
    // case selected in Cases), its messages in the status bar, the rules registered on connecting, and the setup
    // wizard opened by itself, prefilled for the sandbox, only while the store has no helpdesk connected.
    static SandboxMenu *install(MainWindow *window, ConsoleSyncProxy *service, SandboxService *sandbox,
                                const QString &domain);

    static bool isSandboxDomain(const QString &domain, const QString &sandboxDomain);
    // After connecting (or rotating the secret of) the sandbox: registers its automation rules, so webhooks flow.
    void handleConnected(const cb::WebhookSetupInfo &setup);

    // The actions, callable without the dialogs (tests): each reports through `done`.
    void agentEdit(qint64 ticketId, const QJsonObject &fields, const QString &what);
    void customerReply(qint64 ticketId, const QString &text);
    void customerNewTicket(const QString &subject, const QString &email);
    void dropWebhooks(int seconds);
    void failApi(int seconds, int status = 503);
    void spendApiBudget();

Q_SIGNALS:
    // What was done, for the status bar ("Sandbox: …"), or what went wrong.
    void done(const QString &message);

private:
    std::optional<qint64> askTicket();
    void askStatus();
    void askPriority();
    void askAssignee();
    void askNote(bool customer);
    void askNewTicket();
    void run(std::function<QJsonObject(SandboxHelpdesk &)> action, std::function<QString(const QJsonObject &)> say);

    SandboxService *m_sandbox;
    QString m_domain;
    TicketSource m_selectedTicket;
};

} // namespace cb::ui
