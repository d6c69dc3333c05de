#include "activitysparkline.h"
#include "casepane.h"
#include "casesmodel.h"
#include "casesview.h"
#include "common/clock.h"
#include "integrationhealthpanel.h"
#include "storage/casestore.h"
#include "storage/database.h"
#include "tempstore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace cb;
using namespace cb::test;
using namespace cb::ui;

class TestCasesView : public QObject
{
    Q_OBJECT

    TempStore m_store;
    std::unique_ptr<Database> m_writer;
    std::unique_ptr<Database> m_reader;

    void addCases(int from, int to, bool linked)
    {
        for (int i = from; i < to; ++i) {
            Case c;
            c.subject = QStringLiteral("Case %1").arg(i);
            c.priority = QStringLiteral("medium");
            if (linked) {
                c.externalProvider = QStringLiteral("freshdesk");
                c.externalTicketId = 1000 + i;
                c.integrationId = QString();
            }
            if (linked)
                QVERIFY(CaseStore(*m_writer, Clock::system()).upsertByExternalLink(c, ChangeSource::Import));
            else
                QVERIFY(m_writer->exec(QStringLiteral("INSERT INTO cases (workspace_id, subject, status, priority, "
                                                      "created_at, updated_at) VALUES (1, ?, 'open', 'medium', "
                                                      "'2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z')"),
                                       {c.subject}));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_writer = m_store.open();
        QVERIFY(m_writer);
        addCases(0, 450, true);
        addCases(450, 451, false);
        m_reader = m_store.open(Database::Access::ReadOnly);
        QVERIFY(m_reader);
    }

    void modelPagesAndRefreshesUnderTheTester()
    {
        CasesModel model(m_reader.get());
        model.setPageSize(100);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int loaded = model.rowCount(); // the tester itself fetches
        QCOMPARE(loaded % 100, 0);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), loaded + 100);
        QCOMPARE(model.index(0, CasesModel::SubjectColumn).data().toString(), QStringLiteral("Case 450")); // newest
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 451);
        QVERIFY(m_writer->exec(QStringLiteral("UPDATE cases SET status = 'pending' WHERE subject = 'Case 450'")));
        model.refresh();
        QCOMPARE(model.rowCount(), 451);
        QCOMPARE(model.index(0, CasesModel::StatusColumn).data().toString(), QStringLiteral("Pending"));
        QCOMPARE(model.index(1, CasesModel::TicketColumn).data().toString(), QStringLiteral("#1449"));
        // Where the ticket came from, in words, from the remote state.
        QCOMPARE(model.headerData(CasesModel::ChannelColumn, Qt::Horizontal).toString(), QStringLiteral("Channel"));
        QVERIFY(m_writer->exec(QStringLiteral("UPDATE cases SET remote_state = ? WHERE external_ticket_id = 1449"),
                               {QStringLiteral(R"({"status":2,"source":4,"channel":"chat"})")}));
        model.refresh();
        QCOMPARE(model.index(1, CasesModel::ChannelColumn).data().toString(), QStringLiteral("Chat"));
        QCOMPARE(model.index(0, CasesModel::ChannelColumn).data().toString(), QString()); // a local case
        QCOMPARE(CasesModel::channelLabel(QStringLiteral("walkup")), QStringLiteral("Walk-up"));
        QCOMPARE(CasesModel::statusLabel(QStringLiteral("Waiting on Customer")), QStringLiteral("Waiting on Customer"));
        QCOMPARE(CasesModel::priorityLabel(QStringLiteral("high")), QStringLiteral("High"));
        QCOMPARE(CasesModel::channelLabel(QStringLiteral("source-12")), QStringLiteral("source-12"));
    }

    void editingAPersonWouldDoIt()
    {
        CasesModel model(m_reader.get());
        model.fetchMore({});
        CasesView view(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *save = view.findChild<QPushButton *>(QStringLiteral("caseSaveButton"));
        QVERIFY(!save->isEnabled()); // nothing selected
        auto *table = view.findChild<QTableView *>(QStringLiteral("casesTable"));
        table->selectRow(1); // "Case 449", linked
        QVERIFY(save->isEnabled());
        auto *priority = view.findChild<QComboBox *>(QStringLiteral("casePriorityCombo"));
        QCOMPARE(priority->currentText(), QStringLiteral("Medium")); // shown in words
        QCOMPARE(priority->currentData().toString(), QStringLiteral("medium"));
        QSignalSpy edits(&view, &CasesView::editRequested);
        priority->setFocus();
        priority->setCurrentText(QStringLiteral("Urgent"));
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.first().at(0).toLongLong(), view.selectedCaseId());
        const CaseChanges changes = edits.first().at(1).value<CaseChanges>();
        QCOMPARE(changes.keys(), QStringList{QStringLiteral("priority")});
        QCOMPARE(changes.value(QStringLiteral("priority")).toString(), QStringLiteral("urgent"));

        QSignalSpy comments(&view, &CasesView::commentRequested);
        QTest::keyClicks(view.findChild<QPlainTextEdit *>(QStringLiteral("caseCommentEdit")), QStringLiteral("On it"));
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("caseCommentButton")), Qt::LeftButton);
        QCOMPARE(comments.size(), 1);
        QCOMPARE(comments.first().at(1).toString(), QStringLiteral("On it"));
        QVERIFY(view.findChild<QPlainTextEdit *>(QStringLiteral("caseCommentEdit"))->toPlainText().isEmpty());

        // Hand off asks first: no answer, nothing happens; "no", nothing; "yes", the hand-off of that case.
        QSignalSpy handoffs(&view, &CasesView::handoffRequested);
        QStringList asked;
        std::function<void(bool)> answer;
        view.pane()->setHandoffConfirmation([&](const QString &question, std::function<void(bool)> reply) {
            asked << question;
            answer = std::move(reply);
        });
        auto *handoff = view.findChild<QPushButton *>(QStringLiteral("caseHandoffButton"));
        QVERIFY(handoff->isEnabled());
        QTest::mouseClick(handoff, Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(QLatin1String("#1449")) && asked.first().contains(QLatin1String("Case 449")),
                 qPrintable(asked.first()));
        QVERIFY(asked.first().contains(QLatin1String("unassigned and reopened"))); // the default hand-off
        QCOMPARE(handoffs.size(), 0);
        answer(false);
        QCOMPARE(handoffs.size(), 0);
        QTest::mouseClick(handoff, Qt::LeftButton);
        QCOMPARE(asked.size(), 2);
        answer(true);
        QCOMPARE(handoffs.size(), 1);
        QCOMPARE(handoffs.first().first().toLongLong(), view.selectedCaseId());
        table->selectRow(0); // "Case 450": not linked, nothing to hand off
        QVERIFY(!handoff->isEnabled());
    }

    void healthPanelShowsEachIntegration()
    {
        IntegrationHealthPanel panel;
        IntegrationHealth h;
        h.domain = QStringLiteral("acme.freshdesk.com");
        h.agentName = QStringLiteral("Sandy");
        h.state = QStringLiteral("active");
        h.holdsLease = true;
        h.lastWebhookAt = QDateTime::currentDateTimeUtc().addSecs(-90);
        h.inboxPending = 2;
        h.outboxPending = 1;
        h.failuresLastHour = 3;
        h.apiRemaining = 380;
        h.apiTotal = 400;
        h.activity = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        panel.setHealth({h});
        auto *table = panel.findChild<QTableWidget *>(QStringLiteral("healthTable"));
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("acme.freshdesk.com"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("syncing"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("1 min ago"));
        QCOMPARE(table->item(0, 4)->text(), QStringLiteral("never"));
        QCOMPARE(table->item(0, 5)->text(), QStringLiteral("2 / 1"));
        QCOMPARE(table->item(0, 7)->text(), QStringLiteral("380 of 400 left"));
        auto *spark = qobject_cast<ActivitySparkline *>(table->cellWidget(0, 8));
        QVERIFY(spark);
        QCOMPARE(spark->values().size(), 12);
        QVERIFY(spark->toolTip().contains(QLatin1String("66")));
    }
};

QTEST_MAIN(TestCasesView)
#include "tst_casesview.moc"
