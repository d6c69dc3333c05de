// The console as a person uses it, with the real sync thread, the real receiver, the sandbox on its own thread and
// real timers: a selected case stays selected and editable while seconds pass with the engine ticking and webhooks
// arriving for other cases; a webhook for the selected case updates its fields in the pane while an unsaved edit
// and the comment being typed are kept. The Sandbox menu's actions arrive in Cases and the Sync log.
#include "casepane.h"
#include "casesmodel.h"
#include "casesview.h"
#include "common/clock.h"
#include "helpdesk/helpdeskclientfactory.h"
#include "mainwindow.h"
#include "sandbox/sandboxhelpdesk.h"
#include "sandbox/sandboxservice.h"
#include "sandboxmenu.h"
#include "secretrevealdialog.h"
#include "secrets/sandboxawaresecretstore.h"
#include "setupwizard.h"
#include "storage/database.h"
#include "sync/consolesyncproxy.h"
#include "sync/defaultsyncplatform.h"
#include "tempstore.h"
#include "webhook/webhookendpoint.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTextBrowser>
#include <QtTest>

using namespace cb;
using namespace cb::test;

namespace {
// What the console runs on its sync thread, with no keyring and no ENCRYPTION_KEY (the newcomer's first run): the
// sandbox's key is kept by the sandbox-aware store; the receiver listens on the given port.
SyncPlatformMaker firstRunRuntime()
{
    return [](Database &db, QNetworkAccessManager &nam) -> Result<SyncPlatform> {
        SyncPlatform r;
        r.secrets = std::make_unique<SandboxAwareSecretStore>(db, Clock::system(), nullptr);
        r.makeClient = makeHelpdeskClientMaker(&nam);
        r.parser = makeWebhookParser();
        r.startReceiver = [](Database &store, const QString &listen) -> Result<std::unique_ptr<QObject>> {
            auto endpoint = WebhookEndpoint::start(store, Clock::system(), ReceiverOptions(), listen);
            if (!endpoint)
                return endpoint.error();
            return std::unique_ptr<QObject>(std::move(endpoint).value());
        };
        return r;
    };
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}
} // namespace

class TestSteadyCases : public QObject
{
    Q_OBJECT

    SandboxService m_sandbox;
    QString m_domain;
    TempStore m_store;
    quint16 m_receiverPort = 0;
    std::unique_ptr<ConsoleSyncProxy> m_service;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::SandboxMenu *m_menu = nullptr;
    ui::CasesModel *m_model = nullptr;
    ui::CasesView *m_view = nullptr;

    int rowOfTicket(qint64 ticket) const
    {
        for (int row = 0; row < m_model->rowCount(); ++row)
            if (m_model->caseAt(row)->externalTicketId == ticket)
                return row;
        return -1;
    }
    QString statusOfTicket(qint64 ticket) const
    {
        const int row = rowOfTicket(ticket);
        return row < 0 ? QString() : m_model->caseAt(row)->status;
    }
    qint64 logEntries(qint64 ticket, const QString &direction)
    {
        auto db = m_store.open(Database::Access::ReadOnly);
        auto n =
            db->scalar(QStringLiteral("SELECT COUNT(*) FROM ticket_sync_log WHERE ticket_id = ? AND direction = ?"),
                       {ticket, direction});
        return n ? n->toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("ENCRYPTION_KEY");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto port = m_sandbox.start(QHostAddress::LocalHost, 0, 0, [now](SandboxHelpdesk &s) {
            s.setPlan({QStringLiteral("test"), 100000, 100000, 100000, 60000});
            for (int i = 1; i <= 6; ++i)
                s.account().createTicket(QStringLiteral("Ticket %1").arg(i), QStringLiteral("c%1@acme.example").arg(i),
                                         now.addDays(-i));
        });
        QVERIFY(port);
        m_domain = QStringLiteral("127.0.0.1:%1").arg(*port);
        m_receiverPort = freePort();
        QVERIFY(m_receiverPort > 0);

        m_service = std::make_unique<ConsoleSyncProxy>(firstRunRuntime());
        m_window = std::make_unique<ui::MainWindow>(m_service.get());
        m_window->show();
        m_menu = new ui::SandboxMenu(
            &m_sandbox, m_domain, [this] { return m_view->selectedTicketId(); }, m_window.get());
        connect(m_service.get(), &ConsoleSyncProxy::connected, m_menu, &ui::SandboxMenu::handleConnected);
        QSignalSpy ready(m_service.get(), &ConsoleSyncProxy::storeReady);
        m_window->openStore(m_store.location(), QStringLiteral("127.0.0.1:%1").arg(m_receiverPort));
        QVERIFY(ready.wait(10000));

        // Connect the sandbox as the wizard does, with no keyring and no ENCRYPTION_KEY.
        QSignalSpy connected(m_service.get(), &ConsoleSyncProxy::connected);
        QSignalSpy failed(m_service.get(), &ConsoleSyncProxy::connectFailed);
        QSignalSpy said(m_menu, &ui::SandboxMenu::done);
        ConnectRequest request;
        request.domain = m_domain;
        request.apiKey = m_sandbox.adminKey().toLatin1();
        request.receiverBaseUrl = QStringLiteral("http://127.0.0.1:%1").arg(m_receiverPort);
        m_service->connectIntegration(request, true);
        QTRY_VERIFY_WITH_TIMEOUT(connected.size() + failed.size() > 0, 10000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(connected.first().first().value<WebhookSetupInfo>().domain, m_domain);
        // Connecting registered the sandbox's automation rules, with the secret the modal showed.
        QTRY_VERIFY_WITH_TIMEOUT(!said.isEmpty(), 5000);
        QVERIFY(said.first().first().toString().contains(QString::number(m_receiverPort)));

        m_view = m_window->findChild<ui::CasesView *>();
        QVERIFY(m_view);
        m_model =
            qobject_cast<ui::CasesModel *>(m_window->findChild<QTableView *>(QStringLiteral("casesTable"))->model());
        QVERIFY(m_model);
        QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 6, 15000);
    }

    void cleanupTestCase()
    {
        if (!m_service)
            return; // the restart test took them down
        m_service->stop();
        m_window.reset();
        m_service.reset();
        m_sandbox.stop();
    }

    void selectionAndTypingSurviveLiveSyncAndTheSelectedCaseFollowsTheHelpdesk()
    {
        m_view->selectCase(m_model->caseAt(rowOfTicket(3))->id);
        const qint64 selected = m_view->selectedCaseId();
        QVERIFY(selected > 0);
        auto *comment = m_view->findChild<QPlainTextEdit *>(QStringLiteral("caseCommentEdit"));
        auto *priority = m_view->findChild<QComboBox *>(QStringLiteral("casePriorityCombo"));
        auto *status = m_view->findChild<QComboBox *>(QStringLiteral("caseStatusCombo"));
        auto *unsaved = m_view->findChild<QLabel *>(QStringLiteral("caseUnsavedNote"));
        QVERIFY(comment && priority && status && unsaved);
        QTest::keyClicks(comment, QStringLiteral("Draft reply to the customer"));
        const QString ownPriority = priority->currentData().toString() == QLatin1String("urgent")
                                        ? QStringLiteral("low")
                                        : QStringLiteral("urgent");
        priority->setCurrentIndex(priority->findData(ownPriority)); // the person's unsaved edit
        QVERIFY(!unsaved->text().isEmpty());
        QCOMPARE(m_view->pane()->unsavedFields(), QStringList{QStringLiteral("priority")});

        // Five seconds of real time, the engine ticking, an agent changing the other tickets every half second.
        const QStringList statusNames = {QStringLiteral("open"), QStringLiteral("pending"), QStringLiteral("resolved")};
        QElapsedTimer clock;
        clock.start();
        int edits = 0;
        QHash<qint64, QString> lastStatus;
        while (clock.elapsed() < 5000) {
            const qint64 other = (edits % 2 == 0) ? 1 : 5;
            m_menu->agentEdit(other, {{QStringLiteral("status"), 2 + (edits % 3)}}, QStringLiteral("status"));
            lastStatus.insert(other, statusNames.at(edits % 3));
            ++edits;
            QTest::qWait(500);
            QCOMPARE(m_view->selectedCaseId(), selected);
            QVERIFY(comment->isEnabled() && priority->isEnabled());
            QCOMPARE(comment->toPlainText(), QStringLiteral("Draft reply to the customer"));
            QCOMPARE(priority->currentData().toString(), ownPriority);
        }
        // The webhooks did arrive meanwhile: the other cases show the helpdesk's last status.
        QTRY_COMPARE_WITH_TIMEOUT(statusOfTicket(5), lastStatus.value(5), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOfTicket(1), lastStatus.value(1), 10000);
        QVERIFY(logEntries(1, QStringLiteral("inbound")) > 0);

        // Now the selected case's ticket changes in the helpdesk: the untouched status follows, the edit stays.
        m_menu->agentEdit(3, {{QStringLiteral("status"), 4}}, QStringLiteral("Resolved"));
        QTRY_COMPARE_WITH_TIMEOUT(status->currentData().toString(), QStringLiteral("resolved"), 10000);
        QCOMPARE(m_view->selectedCaseId(), selected);
        QCOMPARE(priority->currentData().toString(), ownPriority);
        QVERIFY(priority->font().bold());
        QVERIFY(!unsaved->text().isEmpty());
        QCOMPARE(comment->toPlainText(), QStringLiteral("Draft reply to the customer"));
    }

    // `casebridge --sandbox` opens the wizard by itself on an empty store, prefilled for the sandbox, and not on a
    // store with a helpdesk connected (a restart must not invite a duplicate integration).
    void wizardOpensByItselfOnlyWhileNothingIsConnected()
    {
        for (const bool connected : {false, true}) {
            TempStore fresh;
            ConsoleSyncProxy service(firstRunRuntime());
            ui::MainWindow window(&service);
            window.show();
            ui::SandboxMenu *menu = ui::SandboxMenu::install(&window, &service, &m_sandbox, m_domain);
            QVERIFY(window.findChild<ui::SandboxMenu *>() == menu);
            QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
            window.openStore(connected ? m_store.location() : fresh.location(), QString());
            QVERIFY(ready.wait(10000));
            QCOMPARE(ready.first().first().value<StoreSummary>().integrations, connected ? 1 : 0);
            QTest::qWait(500); // the queued opening has run by now, if it was going to
            auto *wizard = window.findChild<ui::SetupWizard *>();
            QCOMPARE(wizard != nullptr, !connected);
            if (wizard) {
                const auto *domain = wizard->findChild<QLineEdit *>(QStringLiteral("domainEdit"));
                QVERIFY(domain);
                QCOMPARE(domain->text(), m_domain);
                wizard->reject();
            }
            service.stop();
        }
    }

    // The console registers the built-in sandbox's rules itself, so its one-time modal says there is nothing to
    // copy and closes at once; a real helpdesk's (tst_secretrevealdialog) still waits for "I have stored it".
    void theSandboxSecretModalSaysNothingIsToCopy()
    {
        SandboxService other;
        auto port = other.start(QHostAddress::LocalHost, 0, 0, {});
        QVERIFY(port);
        const QString domain = QStringLiteral("127.0.0.1:%1").arg(*port);
        TempStore fresh;
        ConsoleSyncProxy service(firstRunRuntime());
        ui::MainWindow window(&service);
        window.show();
        ui::SandboxMenu *menu = ui::SandboxMenu::install(&window, &service, &other, domain);
        QSignalSpy said(menu, &ui::SandboxMenu::done);
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        window.openStore(fresh.location(), QString());
        QVERIFY(ready.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<ui::SetupWizard *>(), 5000);
        window.findChild<ui::SetupWizard *>()->reject();
        ConnectRequest request;
        request.domain = domain;
        request.apiKey = other.adminKey().toLatin1();
        request.receiverBaseUrl = QStringLiteral("http://127.0.0.1:9"); // nothing listens: only the modal matters
        service.connectIntegration(request, false);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<ui::SecretRevealDialog *>(), 10000);
        auto *modal = window.findChild<ui::SecretRevealDialog *>();
        QTRY_VERIFY_WITH_TIMEOUT(!said.isEmpty(), 5000); // the rules are in the sandbox
        QVERIFY(QTest::qWaitForWindowExposed(modal));
        const QString warning = modal->findChild<QLabel *>(QStringLiteral("secretWarning"))->text();
        QVERIFY2(warning.contains(QLatin1String("Nothing to copy")), qPrintable(warning));
        QVERIFY(!modal->findChild<QCheckBox *>(QStringLiteral("storedCheck"))->isVisible());
        auto *close = modal->findChild<QPushButton *>(QStringLiteral("closeButton"));
        QVERIFY(close->isEnabled());
        QTest::mouseClick(close, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!modal->isVisible(), 2000);
        service.stop();
        other.stop();
    }

    void sandboxMenuActionsArriveInCasesAndTheSyncLog()
    {
        QSignalSpy said(m_menu, &ui::SandboxMenu::done);
        const qint64 before = logEntries(2, QStringLiteral("inbound"));
        m_menu->agentEdit(2, {{QStringLiteral("priority"), 4}}, QStringLiteral("Urgent"));
        QTRY_COMPARE_WITH_TIMEOUT(m_model->caseAt(rowOfTicket(2))->priority, QStringLiteral("urgent"), 10000);
        QTest::qWait(1100); // the helpdesk's updated_at has whole seconds: the next change must be newer to count
        m_menu->agentEdit(2, {{QStringLiteral("responder_id"), SandboxAccount().agentId}}, QStringLiteral("Alex"));
        QTRY_VERIFY_WITH_TIMEOUT(m_model->caseAt(rowOfTicket(2))->assigneeId == SandboxAccount().agentId, 10000);
        // The list names the agent (the account's directory), never a bare id.
        const QString agentName = SandboxAccount()
                                      .agents.value(SandboxAccount().agentId)
                                      .value(QStringLiteral("contact"))
                                      .toObject()
                                      .value(QStringLiteral("name"))
                                      .toString();
        QVERIFY(!agentName.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_model->index(rowOfTicket(2), ui::CasesModel::AssigneeColumn).data().toString(),
                                  agentName, 10000);
        // The case open in the pane: its conversation grows live as notes and replies arrive.
        m_view->selectCase(m_model->caseAt(rowOfTicket(2))->id);
        auto *thread = m_view->findChild<QTextBrowser *>(QStringLiteral("caseConversation"));
        QVERIFY(thread);
        QVERIFY2(said.size() == 2 && said.last().first().toString().contains(QLatin1String("#2")),
                 qPrintable(said.isEmpty() ? QString() : said.last().first().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(logEntries(2, QStringLiteral("inbound")) >= before + 2, 10000);

        auto db = m_store.open(Database::Access::ReadOnly);
        const auto comments = [&db] {
            auto n = db->scalar(QStringLiteral("SELECT COUNT(*) FROM comments c JOIN cases k ON k.id = c.case_id "
                                               "WHERE k.external_ticket_id = 2"));
            return n ? n->toLongLong() : -1;
        };
        const qint64 notes = comments();
        m_menu->agentEdit(2,
                          {{QStringLiteral("note"), QJsonObject{{QStringLiteral("body"), QStringLiteral("Checked")},
                                                                {QStringLiteral("private"), true}}}},
                          QStringLiteral("note"));
        QTRY_VERIFY_WITH_TIMEOUT(comments() > notes, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(thread->toPlainText().contains(QLatin1String("Checked")), 10000);
        QVERIFY2(thread->toPlainText().contains(QLatin1String("[Private note]")), qPrintable(thread->toPlainText()));
        QTest::qWait(1100);
        m_menu->customerReply(2, QStringLiteral("Thanks!"));
        QTRY_VERIFY_WITH_TIMEOUT(comments() > notes + 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(thread->toPlainText().contains(QLatin1String("Thanks!")), 10000);

        m_menu->customerNewTicket(QStringLiteral("Brand new problem"), QStringLiteral("new@acme.example"));
        QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 7, 10000);
        QCOMPARE(m_model->caseAt(0)->subject, QStringLiteral("Brand new problem"));
        QTRY_VERIFY_WITH_TIMEOUT(
            logEntries(m_model->caseAt(0)->externalTicketId.value_or(0), QStringLiteral("inbound")) > 0, 10000);

        // Trouble: webhooks dropped — an agent's change sends nothing until they are back.
        m_menu->dropWebhooks(2);
        QVERIFY(said.wait(5000));
        const qint64 quiet = logEntries(6, QStringLiteral("inbound"));
        m_menu->agentEdit(6, {{QStringLiteral("priority"), 3}}, QStringLiteral("High"));
        QTest::qWait(1500);
        QCOMPARE(logEntries(6, QStringLiteral("inbound")), quiet);
        QTest::qWait(1000); // back on: the next change arrives
        m_menu->agentEdit(6, {{QStringLiteral("priority"), 1}}, QStringLiteral("Low"));
        QTRY_VERIFY_WITH_TIMEOUT(logEntries(6, QStringLiteral("inbound")) > quiet, 10000);

        // Trouble: the API fails with 503 for a moment, then the minute's budget is spent: 429s for every client.
        m_menu->failApi(1);
        QVERIFY(said.wait(5000));
        QVERIFY(said.last().first().toString().contains(QLatin1String("503")));
        QTest::qWait(1500); // the fault is over
        QSignalSpy planned(this, &QObject::objectNameChanged);
        m_sandbox.post(
            [](SandboxHelpdesk &s) {
                s.setPlan({QStringLiteral("small"), 50, 50, 50, 60000});
                return QJsonObject{};
            },
            this, [this](const QJsonObject &) { setObjectName(QStringLiteral("planned")); });
        QVERIFY(planned.wait(5000));
        const qint64 limitedBefore = m_sandbox.stats().value(QStringLiteral("rate_limited")).toInteger();
        m_menu->spendApiBudget();
        QVERIFY(said.wait(10000));
        QVERIFY2(said.last().first().toString().contains(QLatin1String("API call")),
                 qPrintable(said.last().first().toString()));
        QVERIFY(m_sandbox.stats().value(QStringLiteral("rate_limited")).toInteger() > limitedBefore);
    }

    // The sandbox loop closed after a restart: the sandbox keeps its automation rules in memory and the store only a
    // hash of the secret, so a second console on the same store against a fresh sandbox (same address, no rules)
    // renews the secret by itself, silently (no one-time modal), and registers the rules again: an agent's edit in
    // the sandbox then arrives by webhook.
    void aRestartedConsoleClosesTheSandboxLoopAgainSilently()
    {
        const quint16 port = quint16(m_domain.section(QLatin1Char(':'), -1).toUInt());
        m_service->stop();
        m_window.reset();
        m_service.reset();
        m_menu = nullptr;
        m_sandbox.stop();

        SandboxService fresh;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto bound = fresh.start(QHostAddress::LocalHost, port, 0, [now](SandboxHelpdesk &s) {
            s.setPlan({QStringLiteral("test"), 100000, 100000, 100000, 60000});
            for (int i = 1; i <= 6; ++i)
                s.account().createTicket(QStringLiteral("Ticket %1").arg(i), QStringLiteral("c%1@acme.example").arg(i),
                                         now.addDays(-i));
        });
        QVERIFY2(bound, bound ? "" : qPrintable(bound.error().message));
        auto db = m_store.open(Database::Access::ReadOnly);
        const auto byWebhook = [&db] {
            auto n = db->scalar(QStringLiteral("SELECT COUNT(*) FROM ticket_sync_log WHERE ticket_id = 3 AND "
                                               "direction = 'inbound' AND source = 'webhook'"));
            return n ? n->toLongLong() : -1;
        };
        const qint64 before = byWebhook();
        const auto webhooks = [&fresh](const char *key) {
            return fresh.stats().value(QStringLiteral("webhooks")).toObject().value(QLatin1String(key)).toInteger();
        };
        QCOMPARE(webhooks("rules"), 0); // a change made now would send nothing

        ConsoleSyncProxy service(firstRunRuntime());
        ui::MainWindow window(&service);
        window.show();
        ui::SandboxMenu *menu = ui::SandboxMenu::install(&window, &service, &fresh, m_domain);
        QSignalSpy said(menu, &ui::SandboxMenu::done);
        QSignalSpy renewed(&service, &ConsoleSyncProxy::secretRenewed);
        QSignalSpy rotated(&service, &ConsoleSyncProxy::secretRotated);
        window.openStore(m_store.location(), QStringLiteral("127.0.0.1:%1").arg(m_receiverPort));
        QTRY_COMPARE_WITH_TIMEOUT(renewed.size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!said.isEmpty(), 5000);
        QVERIFY(said.first().first().toString().contains(QString::number(m_receiverPort)));
        QCOMPARE(rotated.size(), 0);
        QVERIFY(!window.findChild<QDialog *>()); // neither the modal with the secret nor the wizard

        QTest::qWait(1100); // the helpdesk's updated_at has whole seconds
        menu->agentEdit(3, {{QStringLiteral("priority"), 4}}, QStringLiteral("Urgent"));
        QTRY_VERIFY_WITH_TIMEOUT(byWebhook() > before, 15000);
        QVERIFY(webhooks("rules") > 0);
        QVERIFY(webhooks("delivered") > 0);
        service.stop();
        fresh.stop();
    }
};

QTEST_MAIN(TestSteadyCases)
#include "tst_steadycases.moc"
