// A comment added in the console is written as the connected agent's (the helpdesk shows it as theirs), not as an
// "unknown author" (found on the walk, issue 14.7).
#include "common/clock.h"
#include "storage/casedetailquery.h"
#include "storage/casestore.h"
#include "storage/integrationstore.h"
#include "sync/caseactions.h"
#include "tempstore.h"

#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestCaseActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aCommentIsTheConnectedAgents()
    {
        TempStore store;
        auto db = store.open();
        QVERIFY(db);
        Integration i;
        i.id = IntegrationStore::newId();
        i.domain = QStringLiteral("acme.freshdesk.com");
        i.agentName = QStringLiteral("Sandy Admin");
        QVERIFY(IntegrationStore(*db, Clock::system()).insert(i));
        Case c;
        c.integrationId = i.id;
        c.subject = QStringLiteral("Printer on fire");
        c.externalProvider = QStringLiteral("freshdesk");
        c.externalTicketId = 7;
        auto made = CaseStore(*db, Clock::system()).upsertByExternalLink(c, ChangeSource::Import);
        QVERIFY(made);
        auto added = CaseActions(*db, Clock::system()).addComment(made->caseId, QStringLiteral("On it."));
        QVERIFY(added);
        auto thread = CaseDetailQuery(*db).conversation(made->caseId);
        QVERIFY(thread && thread->size() == 1);
        QCOMPARE(thread->first().author, QStringLiteral("Sandy Admin"));

        // A case of no helpdesk has no agent to name: the author stays empty (the pane says so).
        Case local;
        local.subject = QStringLiteral("Local only");
        local.externalProvider = QStringLiteral("freshdesk");
        local.externalTicketId = 8;
        auto other = CaseStore(*db, Clock::system()).upsertByExternalLink(local, ChangeSource::Import);
        QVERIFY(other);
        QVERIFY(CaseActions(*db, Clock::system()).addComment(other->caseId, QStringLiteral("Note.")));
        QVERIFY(CaseDetailQuery(*db).conversation(other->caseId)->first().author.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCaseActions)
#include "tst_caseactions.moc"
