// The sync's fixed vocabularies: each value's stored text (the database, CLI and JSON contract, unchanged from the
// free strings it replaced), read back to the same value; text that is none of them reads as none.
#include "domain/syncvocabulary.h"

#include <QtTest>

using namespace cb;

class TestSyncVocabulary : public QObject
{
    Q_OBJECT

    template<typename E>
    static void checkAll(const QList<QPair<E, QString>> &expected, std::optional<E> (*fromString)(const QString &))
    {
        QSet<QString> texts;
        for (const auto &[value, text] : expected) {
            QCOMPARE(toString(value), text);
            QVERIFY2(fromString(text) == value, qPrintable(text));
            texts.insert(text);
        }
        QCOMPARE(texts.size(), expected.size()); // no two values share a text
        QVERIFY(!fromString(QString()).has_value());
        QVERIFY(!fromString(QStringLiteral("no-such-value")).has_value());
        QVERIFY(!fromString(expected.first().second.toUpper()).has_value()); // the text is matched exactly
    }

private Q_SLOTS:
    void directions()
    {
        checkAll<SyncDirection>({{SyncDirection::Inbound, QStringLiteral("inbound")},
                                 {SyncDirection::Outbound, QStringLiteral("outbound")},
                                 {SyncDirection::Import, QStringLiteral("import")},
                                 {SyncDirection::Reconcile, QStringLiteral("reconcile")},
                                 {SyncDirection::Local, QStringLiteral("local")}},
                                syncDirectionFromString);
    }

    void results()
    {
        checkAll<SyncResult>({{SyncResult::Applied, QStringLiteral("applied")},
                              {SyncResult::Unchanged, QStringLiteral("unchanged")},
                              {SyncResult::EchoDropped, QStringLiteral("echo_dropped")},
                              {SyncResult::Conflict, QStringLiteral("conflict")},
                              {SyncResult::Failed, QStringLiteral("failed")},
                              {SyncResult::Dead, QStringLiteral("dead")},
                              {SyncResult::Created, QStringLiteral("created")},
                              {SyncResult::Linked, QStringLiteral("linked")},
                              {SyncResult::Ignored, QStringLiteral("ignored")}},
                             syncResultFromString);
    }

    void outboxOps()
    {
        checkAll<OutboxOp>({{OutboxOp::Update, QStringLiteral("update")},
                            {OutboxOp::Note, QStringLiteral("note")},
                            {OutboxOp::Reply, QStringLiteral("reply")},
                            {OutboxOp::Handoff, QStringLiteral("handoff")}},
                           outboxOpFromString);
    }

    void outboxStates()
    {
        checkAll<OutboxState>({{OutboxState::Pending, QStringLiteral("pending")},
                               {OutboxState::Inflight, QStringLiteral("inflight")},
                               {OutboxState::Done, QStringLiteral("done")},
                               {OutboxState::Failed, QStringLiteral("failed")},
                               {OutboxState::Dead, QStringLiteral("dead")},
                               {OutboxState::Discarded, QStringLiteral("discarded")}},
                              outboxStateFromString);
    }

    void inboxStates()
    {
        checkAll<InboxState>({{InboxState::Pending, QStringLiteral("pending")},
                              {InboxState::Done, QStringLiteral("done")},
                              {InboxState::Failed, QStringLiteral("failed")},
                              {InboxState::Dead, QStringLiteral("dead")}},
                             inboxStateFromString);
    }

    void directionOfEachSource()
    {
        QVERIFY(directionFor(ChangeSource::User) == SyncDirection::Local);
        QVERIFY(directionFor(ChangeSource::Import) == SyncDirection::Import);
        QVERIFY(directionFor(ChangeSource::Webhook) == SyncDirection::Inbound);
        QVERIFY(directionFor(ChangeSource::Reconciler) == SyncDirection::Reconcile);
    }
};

QTEST_GUILESS_MAIN(TestSyncVocabulary)
#include "tst_syncvocabulary.moc"
