#pragma once

#include "common/result.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QThread>

#include <functional>

namespace cb {

class SandboxHelpdesk;

// Runs a seeded sandbox helpdesk on its own thread (so its HTTP work never touches the caller's thread),
// e.g. for the console's first run without an account. Provider "freshdesk" (the default) serves Freshdesk's API;
// "freshservice" serves the same account under Freshservice's shapes (SandboxFreshservice) and plans.
class SandboxService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxService)

public:
    explicit SandboxService(QObject *parent = nullptr);
    explicit SandboxService(const QString &provider, QObject *parent = nullptr);
    ~SandboxService() override;

    static bool isProvider(const QString &provider); // freshdesk or freshservice

    // Starts (blocking only until the port is bound) and returns the bound port. `configure` runs on the sandbox
    // thread after seeding and before listening (plan, faults, rules…). An unknown provider is a usage error.
    Result<quint16> start(const QHostAddress &address, quint16 port, int tickets,
                          std::function<void(SandboxHelpdesk &)> configure = {});
    void stop();
    QString provider() const;
    QString adminKey() const;
    // The sandbox's call statistics (SandboxHelpdesk::stats), read on its thread; empty when it is not running.
    QJsonObject stats() const;
    // Runs `action` on the sandbox thread, never waiting for it; `done` (may be empty) gets its answer back on
    // `context`'s thread. Nothing runs when the sandbox is not running.
    void post(std::function<QJsonObject(SandboxHelpdesk &)> action, QObject *context = nullptr,
              std::function<void(const QJsonObject &)> done = {});
    // What a person does in the helpdesk's admin UI after connecting: the two automation rules with the webhook
    // URL and secret the one-time modal showed (ticket created; ticket updated or a note added), so webhooks flow;
    // they replace any rules set before (a rotated secret).
    // The rules render this sandbox's provider's payload shape (Freshdesk JSON, Freshservice Workflow Automator).
    void registerWebhookRules(const QString &webhookUrl, const QString &headerName, const QString &secret);

private:
    QString m_provider;
    QThread m_thread;
    QObject *m_holder = nullptr;
};

} // namespace cb
