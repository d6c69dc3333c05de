// Rotating the webhook secret from the console: File → Rotate webhook secret…, confirm, and the new secret is shown
// once in the same one-time modal; the store keeps only its hash and the old one for the grace period.
#include "common/clock.h"
#include "domain/integration.h"
#include "mainwindow.h"
#include "secretrevealdialog.h"
#include "storage/integrationstore.h"
#include "sync/consolesyncproxy.h"
#include "tempstore.h"
#include "webhook/webhooksecret.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace cb;
using namespace cb::test;

class TestRotateSecret : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rotatesAndShowsTheNewSecretOnce()
    {
        TempStore store;
        Integration i;
        {
            auto db = store.open();
            i.id = IntegrationStore::newId();
            i.domain = QStringLiteral("acme.freshdesk.com");
            i.webhookSecretHash = WebhookSecret::hash("old-secret");
            QVERIFY(IntegrationStore(*db, Clock::system()).insert(i).ok());
        }
        ConsoleSyncProxy service;
        ui::MainWindow window(&service);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
        window.openStore(store.location(), QStringLiteral("127.0.0.1:0"));
        QVERIFY(ready.wait(10000));

        QTimer::singleShot(200, this, [] { // answer the confirmation as a person would
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (box)
                QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        });
        window.findChild<QAction *>(QStringLiteral("rotateSecretAction"))->trigger();
        ui::SecretRevealDialog *reveal = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((reveal = window.findChild<ui::SecretRevealDialog *>()), 10000);
        QVERIFY(reveal->isVisible());

        auto db = store.open(Database::Access::ReadOnly);
        auto after = IntegrationStore(*db, Clock::system()).get(i.id);
        QVERIFY(after.ok());
        QVERIFY(after->webhookSecretHash != i.webhookSecretHash);
        QCOMPARE(after->previousSecretHash, i.webhookSecretHash);
        QVERIFY(after->previousSecretExpiresAt > QDateTime::currentDateTimeUtc().addSecs(23 * 3600));
        service.stop();
    }
};

QTEST_MAIN(TestRotateSecret)
#include "tst_rotatesecret.moc"
