#include "casefilterbar.h"
#include "casepane.h"
#include "casesmodel.h"
#include "casesview.h"
#include "common/clock.h"
#include "safehtml.h"
#include "storage/casestore.h"
#include "storage/commentstore.h"
#include "storage/customerstore.h"
#include "storage/integrationstore.h"
#include "storage/namedirectory.h"
#include "tempstore.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTextBrowser>
#include <QtTest>

using namespace cb;
using namespace cb::test;
using namespace cb::ui;

namespace {
const QString kHostile = QStringLiteral(
    "<html><head><title>x</title><style>p{background:url(http://evil.example/bg.png)}</style></head><body>"
    "<script>alert('owned')</script><img src=\"http://evil.example/track.png\" onerror=\"alert(1)\">"
    "<p onclick=\"steal()\" style=\"background:url(http://evil.example/p.png)\">Hello <b>there</b> &amp; "
    "welcome</p><a href=\"http://evil.example/phish\">click here</a><iframe src=\"http://evil.example\"></iframe>"
    "<!-- <img src=http://evil.example/c.png> --><p>1 < 2</p><SCRIPT>unclosed");
}

// The case pane and the cases list as people use them, on a real SQLite store: the case read as a whole (requester,
// company, channel, the description made safe, deleted and spam said plainly), the assignee by name, the
// conversation arriving live, and the list searched, filtered and sorted.
class TestCaseDetail : public QObject
{
    Q_OBJECT

    TempStore m_store;
    std::unique_ptr<Database> m_writer;
    std::unique_ptr<Database> m_reader;
    Integration m_acme;
    Integration m_other;
    QHash<qint64, qint64> m_caseOfTicket;

    void addCase(const Integration &i, qint64 ticket, const QString &subject, qint64 customer,
                 std::optional<qint64> assignee, const QJsonObject &state, const QString &description = {})
    {
        Case c;
        c.integrationId = i.id;
        c.subject = subject;
        c.description = description;
        c.status = QStringLiteral("open");
        c.priority = QStringLiteral("medium");
        c.assigneeId = assignee;
        c.customerId = customer;
        c.externalProvider = QStringLiteral("freshdesk");
        c.externalTicketId = ticket;
        c.remoteState = state;
        auto written = CaseStore(*m_writer, Clock::system()).upsertByExternalLink(c, ChangeSource::Import);
        QVERIFY(written);
        m_caseOfTicket.insert(ticket, written->caseId);
    }

    qint64 customer(const QString &name, const QString &email)
    {
        Customer c;
        c.name = name;
        c.email = email;
        c.externalId = QStringLiteral("freshdesk:") + email;
        auto id = CustomerStore(*m_writer, Clock::system()).insert(c);
        return id ? *id : 0;
    }

    int rowOfTicket(const CasesModel &model, qint64 ticket) const { return model.rowOf(m_caseOfTicket.value(ticket)); }

private Q_SLOTS:
    void initTestCase()
    {
        m_writer = m_store.open();
        QVERIFY(m_writer);
        for (Integration *i : {&m_acme, &m_other}) {
            i->id = IntegrationStore::newId();
            i->domain = i == &m_acme ? QStringLiteral("acme.freshdesk.com") : QStringLiteral("other.freshdesk.com");
            QVERIFY(IntegrationStore(*m_writer, Clock::system()).insert(*i));
        }
        NameDirectory names(*m_writer, Clock::system());
        QVERIFY(names.replace(QStringLiteral("freshdesk"), m_acme.domain, DirectoryKind::Agent,
                              {{7, QStringLiteral("Zoe Agent"), QStringLiteral("zoe@acme.example")},
                               {8, QStringLiteral("Adam Agent"), QStringLiteral("adam@acme.example")}}));
        QVERIFY(names.replace(QStringLiteral("freshdesk"), m_acme.domain, DirectoryKind::Company,
                              {{55, QStringLiteral("Initech"), {}}}));
        const qint64 jane = customer(QStringLiteral("Jane Roe"), QStringLiteral("jane@initech.example"));
        const qint64 bob = customer(QStringLiteral("Bob Stone"), QStringLiteral("bob@globex.example"));
        addCase(m_acme, 101, QStringLiteral("Printer on fire"), jane, 8,
                {{QStringLiteral("channel"), QStringLiteral("phone")}, {QStringLiteral("company_id"), 55}}, kHostile);
        addCase(m_acme, 102, QStringLiteral("<b>Bold</b> subject"), bob, 99,
                {{QStringLiteral("channel"), QStringLiteral("email")}, {QStringLiteral("deleted"), true}},
                QStringLiteral("Plain text\nsecond line <not a tag"));
        addCase(m_acme, 103, QStringLiteral("Buy now"), bob, std::nullopt,
                {{QStringLiteral("channel"), QStringLiteral("portal")}, {QStringLiteral("spam"), true}});
        addCase(m_other, 201, QStringLiteral("Printer elsewhere"), jane, std::nullopt,
                {{QStringLiteral("channel"), QStringLiteral("chat")}});
        m_reader = m_store.open(Database::Access::ReadOnly);
        QVERIFY(m_reader);
    }

    void hostileHtmlIsShownAsTextOnly()
    {
        const QString safe = SafeHtml::fromHelpdesk(kHostile);
        for (const char *never : {"evil.example", "script", "alert", "onclick", "style", "<img", "href", "iframe",
                                  "<html", "<title", "unclosed"})
            QVERIFY2(!safe.contains(QLatin1String(never), Qt::CaseInsensitive), never);
        QTextDocument doc;
        doc.setHtml(safe);
        QCOMPARE(doc.toPlainText().simplified(), QStringLiteral("[image] Hello there & welcome click here 1 < 2"));
        QCOMPARE(SafeHtml::fromHelpdesk(QStringLiteral("a < b\nc & d")), QStringLiteral("a &lt; b<br>c &amp; d"));
    }

    void thePaneReadsTheCaseAsAWhole()
    {
        CasesModel model(m_reader.get());
        model.fetchMore({});
        CasesView view(&model);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.selectCase(m_caseOfTicket.value(101));
        const auto label = [&view](const char *name) {
            auto *l = view.findChild<QLabel *>(QLatin1String(name));
            return l ? l->text() : QStringLiteral("(missing)");
        };
        QCOMPARE(label("caseSubjectLabel"), QStringLiteral("#101 Printer on fire"));
        QCOMPARE(label("caseRequesterLabel"), QStringLiteral("Jane Roe <jane@initech.example>"));
        QCOMPARE(label("caseCompanyLabel"), QStringLiteral("Initech"));
        QCOMPARE(label("caseChannelLabel"), QStringLiteral("Phone, acme.freshdesk.com"));
        QVERIFY(!view.findChild<QLabel *>(QStringLiteral("caseStateNote"))->isVisible());
        auto *description = view.findChild<QTextBrowser *>(QStringLiteral("caseDescription"));
        QVERIFY(description->toPlainText().contains(QLatin1String("Hello there & welcome")));
        QVERIFY(!description->toHtml().contains(QLatin1String("evil.example")));
        QVERIFY(!description->toPlainText().contains(QLatin1String("alert")));

        // A subject with markup is text, a plain description keeps its lines, deleted is said.
        view.selectCase(m_caseOfTicket.value(102));
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("caseSubjectLabel"))->textFormat(), Qt::PlainText);
        QCOMPARE(label("caseSubjectLabel"), QStringLiteral("#102 <b>Bold</b> subject"));
        QCOMPARE(description->toPlainText(), QStringLiteral("Plain text\nsecond line <not a tag"));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("caseStateNote"))->isVisible());
        QCOMPARE(label("caseStateNote"), QStringLiteral("This ticket was deleted in the helpdesk."));
        QCOMPARE(label("caseCompanyLabel"), QStringLiteral("none"));
        view.selectCase(m_caseOfTicket.value(103));
        QCOMPARE(label("caseStateNote"), QStringLiteral("The helpdesk marks this ticket as spam."));
        // …and in the list.
        QCOMPARE(model.index(rowOfTicket(model, 102), CasesModel::StatusColumn).data().toString(),
                 QStringLiteral("Open (deleted)"));
        QCOMPARE(model.index(rowOfTicket(model, 103), CasesModel::StatusColumn).data().toString(),
                 QStringLiteral("Open (spam)"));
        QCOMPARE(model.index(rowOfTicket(model, 101), CasesModel::StatusColumn).data().toString(),
                 QStringLiteral("Open"));
        QVERIFY(model.index(rowOfTicket(model, 102), CasesModel::SubjectColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(rowOfTicket(model, 101), CasesModel::SubjectColumn).data(Qt::ForegroundRole).isValid());
    }

    void theAssigneeIsChosenByName()
    {
        CasesModel model(m_reader.get());
        model.fetchMore({});
        QCOMPARE(model.index(rowOfTicket(model, 101), CasesModel::AssigneeColumn).data().toString(),
                 QStringLiteral("Adam Agent"));
        QCOMPARE(model.index(rowOfTicket(model, 102), CasesModel::AssigneeColumn).data().toString(),
                 QStringLiteral("agent 99 (unknown)"));
        QCOMPARE(model.index(rowOfTicket(model, 101), CasesModel::RequesterColumn).data().toString(),
                 QStringLiteral("Jane Roe"));
        CasesView view(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.selectCase(m_caseOfTicket.value(101));
        auto *assignee = view.findChild<QComboBox *>(QStringLiteral("caseAssigneeCombo"));
        QVERIFY(assignee);
        QCOMPARE(assignee->currentText(), QStringLiteral("Adam Agent (adam@acme.example)"));
        QStringList offered;
        for (int i = 0; i < assignee->count(); ++i)
            offered << assignee->itemText(i);
        QCOMPARE(offered, (QStringList{QStringLiteral("Unassigned"), QStringLiteral("Adam Agent (adam@acme.example)"),
                                       QStringLiteral("Zoe Agent (zoe@acme.example)")}));
        QSignalSpy edits(&view, &CasesView::editRequested);
        assignee->setCurrentIndex(assignee->findData(qint64(7)));
        QCOMPARE(view.pane()->unsavedFields(), QStringList{QStringLiteral("assignee_id")});
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("caseUnsavedNote"))->text().contains(QLatin1String("Adam")));
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("caseSaveButton")), Qt::LeftButton);
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.first().at(1).value<CaseChanges>().value(QStringLiteral("assignee_id")).toLongLong(), 7);
        assignee->setCurrentIndex(0);
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("caseSaveButton")), Qt::LeftButton);
        QCOMPARE(edits.size(), 2);
        QVERIFY(edits.last().at(1).value<CaseChanges>().value(QStringLiteral("assignee_id")).isNull()); // unassign
        // An assignee the directory does not know is shown as such, and kept when nothing is changed.
        view.selectCase(m_caseOfTicket.value(102));
        QCOMPARE(assignee->currentText(), QStringLiteral("agent 99 (unknown)"));
        QVERIFY(view.pane()->unsavedFields().isEmpty());
    }

    void newConversationEntriesAppearLive()
    {
        CasesModel model(m_reader.get());
        model.fetchMore({});
        CasesView view(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.selectCase(m_caseOfTicket.value(103));
        auto *thread = view.findChild<QTextBrowser *>(QStringLiteral("caseConversation"));
        QVERIFY(thread);
        QCOMPARE(thread->toPlainText(), QStringLiteral("No conversation yet."));
        CommentStore comments(*m_writer, Clock::system());
        Comment reply;
        reply.caseId = m_caseOfTicket.value(103);
        reply.externalId = 1;
        reply.author = QStringLiteral("Bob Stone");
        reply.body = QStringLiteral("<p>Is this <script>x()</script>real?</p>");
        reply.source = QStringLiteral("webhook");
        QVERIFY(comments.insert(reply));
        model.refresh(); // what the console does when the store tells it something changed
        QVERIFY(thread->toPlainText().contains(QLatin1String("Bob Stone")));
        QVERIFY(thread->toPlainText().contains(QLatin1String("Is this real?")));
        QVERIFY(thread->toPlainText().contains(QLatin1String("[Public]")));
        QVERIFY(!thread->toPlainText().contains(QLatin1String("x()")));
        Comment note = reply;
        note.externalId = 2;
        note.author = QStringLiteral("Adam Agent");
        note.body = QStringLiteral("Checking with billing");
        note.isPrivate = true;
        QVERIFY(comments.insert(note));
        model.refresh();
        const QString text = thread->toPlainText();
        QVERIFY2(text.indexOf(QLatin1String("Bob Stone")) < text.indexOf(QLatin1String("Adam Agent")),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("[Private note]")));
    }

    void theListIsSearchedFilteredAndSorted()
    {
        CasesModel model(m_reader.get());
        model.fetchMore({});
        CasesView view(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(model.rowCount(), 4);
        view.selectCase(m_caseOfTicket.value(101));
        auto *search = view.findChild<QLineEdit *>(QStringLiteral("caseSearchEdit"));
        QTest::keyClicks(search, QStringLiteral("printer"));
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(view.selectedCaseId(), m_caseOfTicket.value(101)); // still in the list: still selected
        auto *helpdesk = view.findChild<QComboBox *>(QStringLiteral("caseHelpdeskFilter"));
        QCOMPARE(helpdesk->count(), 3); // every helpdesk, and the two connected
        helpdesk->setCurrentIndex(helpdesk->findData(m_other.id));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.caseAt(0)->externalTicketId, std::optional<qint64>(201));
        search->clear();
        QTest::keyClicks(search, QStringLiteral("#101"));
        QTRY_COMPARE(model.rowCount(), 0); // #101 is acme's
        helpdesk->setCurrentIndex(0);
        QCOMPARE(model.rowCount(), 1);
        search->clear();
        QTRY_COMPARE(model.rowCount(), 4);
        auto *status = view.findChild<QComboBox *>(QStringLiteral("caseStatusFilter"));
        status->setCurrentIndex(status->findData(QStringLiteral("closed")));
        QCOMPARE(model.rowCount(), 0);
        // A case asked for (a screen pop) is never hidden by the filters: they are cleared.
        view.selectCase(m_caseOfTicket.value(102));
        QCOMPARE(view.selectedCaseId(), m_caseOfTicket.value(102));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(status->currentIndex(), 0);
        // Sorting by a column header, in the store.
        auto *table = view.findChild<QTableView *>(QStringLiteral("casesTable"));
        table->sortByColumn(CasesModel::SubjectColumn, Qt::AscendingOrder);
        QStringList subjects;
        for (int row = 0; row < model.rowCount(); ++row)
            subjects << model.caseAt(row)->subject;
        QCOMPARE(subjects, (QStringList{QStringLiteral("<b>Bold</b> subject"), QStringLiteral("Buy now"),
                                        QStringLiteral("Printer elsewhere"), QStringLiteral("Printer on fire")}));
        table->sortByColumn(CasesModel::AssigneeColumn, Qt::DescendingOrder);
        QCOMPARE(model.caseAt(0)->assigneeId, std::optional<qint64>(99)); // unknown agents last, first descending
        // A live refresh keeps the chosen order: a change that moves a case moves its row.
        table->sortByColumn(CasesModel::SubjectColumn, Qt::AscendingOrder);
        view.selectCase(m_caseOfTicket.value(101));
        QVERIFY(m_writer->exec(QStringLiteral("UPDATE cases SET subject = '0 Printer on fire' WHERE id = ?"),
                               {m_caseOfTicket.value(101)}));
        model.refresh();
        QCOMPARE(model.caseAt(0)->id, m_caseOfTicket.value(101));
        QCOMPARE(view.selectedCaseId(), m_caseOfTicket.value(101));
        QVERIFY(m_writer->exec(QStringLiteral("UPDATE cases SET subject = 'Printer on fire' WHERE id = ?"),
                               {m_caseOfTicket.value(101)}));
    }
};

QTEST_MAIN(TestCaseDetail)
#include "tst_casedetail.moc"
