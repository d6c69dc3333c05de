#include "sandboxmenu.h"

#include "casesview.h"
#include "mainwindow.h"
#include "sandbox/sandboxhelpdesk.h"
#include "sandbox/sandboxservice.h"
#include "setupwizard.h"
#include "sync/consolesyncproxy.h"
#include "sync/integrationhealth.h"
#include "sync/storesummary.h"

#include <QCoroTask>
#include <QInputDialog>
#include <QJsonArray>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>

namespace cb::ui {

namespace {
const QLatin1String kError("error");

QJsonObject failed(const QString &message)
{
    return {{kError, message}};
}
} // namespace

SandboxMenu::SandboxMenu(SandboxService *sandbox, QString domain, TicketSource selectedTicket, QWidget *parent)
    : QMenu(tr("&Sandbox"), parent)
    , m_sandbox(sandbox)
    , m_domain(std::move(domain))
    , m_selectedTicket(std::move(selectedTicket))
{
    setObjectName(QStringLiteral("sandboxMenu"));
    addSection(tr("As an agent in the helpdesk"));
    addAction(tr("Change the &status…"), this, &SandboxMenu::askStatus)->setObjectName(QStringLiteral("sbStatus"));
    addAction(tr("Change the &priority…"), this, &SandboxMenu::askPriority)
        ->setObjectName(QStringLiteral("sbPriority"));
    addAction(tr("&Assign…"), this, &SandboxMenu::askAssignee)->setObjectName(QStringLiteral("sbAssign"));
    addAction(tr("Add a private &note…"), this, [this] { askNote(false); })->setObjectName(QStringLiteral("sbNote"));
    addSection(tr("As a customer"));
    addAction(tr("&Reply to the ticket…"), this, [this] { askNote(true); })->setObjectName(QStringLiteral("sbReply"));
    addAction(tr("Write in a &new ticket…"), this, &SandboxMenu::askNewTicket)
        ->setObjectName(QStringLiteral("sbNewTicket"));
    addSection(tr("As trouble"));
    addAction(tr("&Drop webhooks for a minute"), this, [this] {
        dropWebhooks(60);
    })->setObjectName(QStringLiteral("sbDropWebhooks"));
    addAction(tr("&Fail the API (503) for a minute"), this, [this] {
        failApi(60);
    })->setObjectName(QStringLiteral("sbFailApi"));
    addAction(tr("Spend the API &budget"), this, &SandboxMenu::spendApiBudget)
        ->setObjectName(QStringLiteral("sbSpendBudget"));
}

SandboxMenu *SandboxMenu::install(MainWindow *window, ConsoleSyncProxy *service, SandboxService *sandbox,
                                  const QString &domain)
{
    auto *menu = new SandboxMenu(
        sandbox, domain,
        [window]() -> std::optional<qint64> {
            auto *cases = window->findChild<CasesView *>();
            return cases ? cases->selectedTicketId() : std::nullopt;
        },
        window);
    window->menuBar()->addMenu(menu);
    window->setRegistersRules(
        [domain](const WebhookSetupInfo &setup) { return isSandboxDomain(setup.domain, domain); });
    connect(service, &ConsoleSyncProxy::connected, menu, &SandboxMenu::handleConnected);
    connect(service, &ConsoleSyncProxy::secretRotated, menu, &SandboxMenu::handleConnected);
    // After a restart the sandbox (its rules are in memory) has none, and the store keeps only a hash of the secret:
    // a fresh secret, registered with new rules, closes the loop again. The sandbox's secret is no secret to the
    // person, so the renewal is silent (no one-time modal).
    connect(service, &ConsoleSyncProxy::secretRenewed, menu, &SandboxMenu::handleConnected);
    auto renewed = std::make_shared<bool>(false);
    connect(service, &ConsoleSyncProxy::healthChanged, menu,
            [service, domain, renewed](const IntegrationHealthList &health) {
                if (*renewed)
                    return;
                *renewed = true;
                for (const IntegrationHealth &h : health)
                    if (isSandboxDomain(h.domain, domain))
                        service->renewSecret(h.integrationId);
            });
    connect(menu, &SandboxMenu::done, window,
            [window](const QString &m) { window->statusBar()->showMessage(m, 15000); });
    // The wizard opens by itself only while nothing is connected (not again after a restart).
    auto opened = std::make_shared<bool>(false);
    connect(
        service, &ConsoleSyncProxy::storeReady, menu,
        [window, domain, key = sandbox->adminKey(), provider = sandbox->provider(), opened](const StoreSummary &s) {
            if (*opened || s.integrations > 0)
                return;
            *opened = true;
            SetupWizard *wizard = window->openSetupWizard();
            wizard->setProvider(provider);
            wizard->prefill(domain, key);
        },
        Qt::QueuedConnection);
    return menu;
}

bool SandboxMenu::isSandboxDomain(const QString &domain, const QString &sandboxDomain)
{
    const auto port = [](const QString &d) { return d.section(QLatin1Char(':'), -1); };
    const auto loopback = [](const QString &d) {
        const QString host = d.section(QLatin1Char(':'), 0, 0);
        return host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost");
    };
    return loopback(domain) && loopback(sandboxDomain) && port(domain) == port(sandboxDomain);
}

void SandboxMenu::handleConnected(const WebhookSetupInfo &setup)
{
    if (!isSandboxDomain(setup.domain, m_domain))
        return;
    m_sandbox->registerWebhookRules(setup.webhookUrl, setup.headerName, setup.secret);
    Q_EMIT done(tr("Sandbox: its automation rules now send webhooks to %1.").arg(setup.webhookUrl));
}

void SandboxMenu::run(std::function<QJsonObject(SandboxHelpdesk &)> action,
                      std::function<QString(const QJsonObject &)> say)
{
    m_sandbox->post(std::move(action), this, [this, say = std::move(say)](const QJsonObject &answer) {
        Q_EMIT done(answer.contains(kError) ? tr("Sandbox: %1").arg(answer.value(kError).toString()) : say(answer));
    });
}

std::optional<qint64> SandboxMenu::askTicket()
{
    if (const std::optional<qint64> selected = m_selectedTicket ? m_selectedTicket() : std::nullopt)
        return selected;
    bool ok = false;
    const int id = QInputDialog::getInt(parentWidget(), tr("Sandbox"),
                                        tr("No case with a ticket is selected in Cases. Which ticket?"), 1, 1,
                                        std::numeric_limits<int>::max(), 1, &ok);
    return ok ? std::optional<qint64>(id) : std::nullopt;
}

void SandboxMenu::agentEdit(qint64 ticketId, const QJsonObject &fields, const QString &what)
{
    run(
        [ticketId, fields](SandboxHelpdesk &sandbox) {
            if (const QJsonArray errors = sandbox.validateUpdate(fields, true); !errors.isEmpty())
                return failed(QStringLiteral("%1").arg(errors.first()[QStringLiteral("message")].toString()));
            const auto edited = sandbox.agentEdit(ticketId, fields);
            return edited ? *edited : failed(tr("there is no ticket %1.").arg(ticketId));
        },
        [ticketId, what](const QJsonObject &) {
            return tr("Sandbox: an agent changed ticket #%1 (%2); watch it arrive in Cases and the Sync log.")
                .arg(ticketId)
                .arg(what);
        });
}

void SandboxMenu::askStatus()
{
    const auto ticket = askTicket();
    if (!ticket)
        return;
    const QStringList names = {tr("Open"), tr("Pending"), tr("Resolved"), tr("Closed")};
    bool ok = false;
    const QString picked = QInputDialog::getItem(
        parentWidget(), tr("Sandbox"), tr("As an agent, set ticket #%1 to:").arg(*ticket), names, 1, false, &ok);
    if (ok)
        agentEdit(*ticket, {{QStringLiteral("status"), int(names.indexOf(picked)) + 2}}, picked);
}

void SandboxMenu::askPriority()
{
    const auto ticket = askTicket();
    if (!ticket)
        return;
    const QStringList names = {tr("Low"), tr("Medium"), tr("High"), tr("Urgent")};
    bool ok = false;
    const QString picked =
        QInputDialog::getItem(parentWidget(), tr("Sandbox"),
                              tr("As an agent, give ticket #%1 the priority:").arg(*ticket), names, 2, false, &ok);
    if (ok)
        agentEdit(*ticket, {{QStringLiteral("priority"), int(names.indexOf(picked)) + 1}}, picked);
}

void SandboxMenu::askAssignee()
{
    const auto ticket = askTicket();
    if (!ticket)
        return;
    const SandboxAccount account;
    QStringList names;
    QList<qint64> ids;
    for (auto it = account.agents.cbegin(); it != account.agents.cend(); ++it) {
        ids << it.key();
        names << it.value().value(QStringLiteral("contact")).toObject().value(QStringLiteral("name")).toString();
    }
    bool ok = false;
    const QString picked = QInputDialog::getItem(
        parentWidget(), tr("Sandbox"), tr("As an agent, assign ticket #%1 to:").arg(*ticket), names, 0, false, &ok);
    if (ok)
        agentEdit(*ticket, {{QStringLiteral("responder_id"), ids.at(names.indexOf(picked))}}, picked);
}

void SandboxMenu::askNote(bool customer)
{
    const auto ticket = askTicket();
    if (!ticket)
        return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        parentWidget(), tr("Sandbox"),
        customer ? tr("As the customer, reply to ticket #%1:").arg(*ticket)
                 : tr("As an agent, add a private note to ticket #%1:").arg(*ticket),
        customer ? tr("Thanks, that helped!") : tr("Checked the logs; waiting for the customer."), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    if (customer)
        customerReply(*ticket, text);
    else
        agentEdit(
            *ticket,
            {{QStringLiteral("note"), QJsonObject{{QStringLiteral("body"), text}, {QStringLiteral("private"), true}}}},
            tr("a private note"));
}

void SandboxMenu::customerReply(qint64 ticketId, const QString &text)
{
    const QJsonObject note{
        {QStringLiteral("body"), text}, {QStringLiteral("private"), false}, {QStringLiteral("incoming"), true}};
    run(
        [ticketId, note](SandboxHelpdesk &sandbox) {
            const auto edited = sandbox.agentEdit(ticketId, {{QStringLiteral("note"), note}});
            return edited ? *edited : failed(tr("there is no ticket %1.").arg(ticketId));
        },
        [ticketId](const QJsonObject &) {
            return tr("Sandbox: the customer replied to ticket #%1; watch it arrive in Cases and the Sync log.")
                .arg(ticketId);
        });
}

void SandboxMenu::askNewTicket()
{
    bool ok = false;
    const QString subject =
        QInputDialog::getText(parentWidget(), tr("Sandbox"), tr("As a customer, write in a new ticket. Subject:"),
                              QLineEdit::Normal, tr("My order has not arrived"), &ok);
    if (ok && !subject.trimmed().isEmpty())
        customerNewTicket(subject.trimmed(), QStringLiteral("newcomer@customer.example"));
}

void SandboxMenu::customerNewTicket(const QString &subject, const QString &email)
{
    run([subject, email](SandboxHelpdesk &sandbox) { return sandbox.customerCreatesTicket(subject, email); },
        [](const QJsonObject &ticket) {
            return tr("Sandbox: a customer wrote in ticket #%1; watch it arrive in Cases and the Sync log.")
                .arg(ticket.value(QStringLiteral("id")).toInteger());
        });
}

void SandboxMenu::dropWebhooks(int seconds)
{
    run(
        [seconds](SandboxHelpdesk &sandbox) {
            sandbox.automation().setEnabled(false);
            QTimer::singleShot(seconds * 1000, &sandbox, [&sandbox] { sandbox.automation().setEnabled(true); });
            return QJsonObject{};
        },
        [seconds](const QJsonObject &) {
            return tr("Sandbox: webhooks are dropped for %n second(s); the reconciler finds what they miss.", nullptr,
                      seconds);
        });
}

void SandboxMenu::failApi(int seconds, int status)
{
    run(
        [seconds, status](SandboxHelpdesk &sandbox) {
            sandbox.addFault({QByteArray(), QStringLiteral("/api/"), status, 1.0, 0});
            QTimer::singleShot(seconds * 1000, &sandbox, [&sandbox] { sandbox.clearFaults(); });
            return QJsonObject{};
        },
        [seconds, status](const QJsonObject &) {
            return tr("Sandbox: the API answers %1 for %n second(s); edits wait in the outbox and retry.", nullptr,
                      seconds)
                .arg(status);
        });
}

void SandboxMenu::spendApiBudget()
{
    run(
        [](SandboxHelpdesk &sandbox) {
            // Another API client of the account (a report, a script) uses up the minute's calls.
            HttpRequest request;
            request.method = "GET";
            request.path = QStringLiteral("/api/v2/agents/me");
            request.remoteAddress = QHostAddress::LocalHost;
            request.headers.append(
                {"Authorization", "Basic " + (SandboxAccount().adminKey + QStringLiteral(":X")).toUtf8().toBase64()});
            int spent = 0;
            for (; spent <= sandbox.plan().total; ++spent) {
                if (QCoro::waitFor(sandbox.handle(request)).status == 429)
                    break;
            }
            return QJsonObject{{QStringLiteral("spent"), spent}};
        },
        [](const QJsonObject &answer) {
            return tr("Sandbox: %n API call(s) spent; the sync waits for the next minute's budget.", nullptr,
                      answer.value(QStringLiteral("spent")).toInt());
        });
}

} // namespace cb::ui
