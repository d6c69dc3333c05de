#include "accountpage.h"
#include "common/clock.h"
#include "mainwindow.h"
#include "sandbox/sandboxaccount.h"
#include "secrets/encryptedsecretstore.h"
#include "secrets/sandboxawaresecretstore.h"
#include "setupwizard.h"
#include "sync/consolesyncproxy.h"
#include "tempstore.h"
#include "wizardpageids.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QtTest>

using namespace cb;
using namespace cb::ui;
using namespace cb::test;

class TestSetupWizard : public QObject
{
    Q_OBJECT

    template<typename T>
    static T *child(QWidget *w, const char *name)
    {
        T *c = w->findChild<T *>(QLatin1String(name));
        if (!c)
            qWarning("no child %s", name);
        return c;
    }

    // A person clicks the label, not the empty middle of a stretched radio button.
    static void choose(QRadioButton *b) { QTest::mouseClick(b, Qt::LeftButton, {}, QPoint(10, b->height() / 2)); }

    static void next(QWizard &w) { QTest::mouseClick(w.button(QWizard::NextButton), Qt::LeftButton); }

private Q_SLOTS:
    // The account page says where the key will be kept, as the sync thread found it when the wizard opened: the
    // keychain, encrypted under ENCRYPTION_KEY, or nowhere (with what to do); the sandbox's key in the store anyway.
    void accountPageSaysTruthfullyWhereTheKeyGoes()
    {
        ui::AccountPage page;
        const auto note = [&page] { return page.findChild<QLabel *>(QStringLiteral("keyStorageNote"))->text(); };
        QVERIFY(note().contains(QLatin1String("Checking")));
        page.setKeyStorage(QStringLiteral("keychain"), true);
        QVERIFY(note().contains(QLatin1String("system keychain")));
        QVERIFY(!note().contains(QLatin1String("ENCRYPTION_KEY")));
        page.setKeyStorage(QStringLiteral("aes-gcm"), true);
        QVERIFY(note().contains(QLatin1String("encrypted in the case store")));
        page.setKeyStorage(QStringLiteral("sandbox"), false);
        QVERIFY(note().contains(QLatin1String("No keyring answers")));
        QVERIFY(note().contains(QLatin1String("ENCRYPTION_KEY")));
        QVERIFY(note().contains(QLatin1String("openssl rand -hex 32")));
        QVERIFY(note().contains(QLatin1String("sandbox")));
        QVERIFY(!page.subTitle().contains(QLatin1String("keychain")));
    }

    // With nowhere to keep a real helpdesk's key, a verified real account does not get past the account page (it is
    // never found out at Finish); the built-in sandbox's key always can be kept.
    void aKeyWithNowhereToGoStopsAtTheAccountPage()
    {
        ui::AccountPage page;
        QSignalSpy changed(&page, &QWizardPage::completeChanged);
        page.prefill(QStringLiteral("acme.freshdesk.com"), QStringLiteral("a-real-key"));
        page.setVerified(QStringLiteral("Ann"), QStringLiteral("ann@acme.example"));
        QVERIFY(!page.isComplete()); // still checking
        page.setKeyStorage(QStringLiteral("sandbox"), false);
        QVERIFY(!page.isComplete());
        page.setVerified(QStringLiteral("Ann"), QStringLiteral("ann@acme.example"));
        QVERIFY(
            page.findChild<QLabel *>(QStringLiteral("verifyStatus"))->text().contains(QLatin1String("cannot be kept")));
        page.prefill(QStringLiteral("127.0.0.1:8765"), SandboxAccount().adminKey);
        page.setVerified(QStringLiteral("Sandbox admin"), QStringLiteral("admin@sandbox.example"));
        QVERIFY(page.isComplete());
        page.prefill(QStringLiteral("acme.freshdesk.com"), QStringLiteral("a-real-key"));
        page.setKeyStorage(QStringLiteral("keychain"), true);
        page.setVerified(QStringLiteral("Ann"), QStringLiteral("ann@acme.example"));
        QVERIFY(page.isComplete());
        QVERIFY(!changed.isEmpty());
    }

    // The console asks its sync thread when the wizard opens (QtKeychain answers asynchronously; the GUI never
    // waits): with no keyring and no ENCRYPTION_KEY the account page says so before anything is typed; with
    // ENCRYPTION_KEY it says the store keeps the key encrypted.
    void theWizardAsksWhereKeysGoWhenItOpens()
    {
        for (const bool encrypted : {false, true}) {
            TempStore store;
            ConsoleSyncProxy service([encrypted](Database &db, QNetworkAccessManager &) -> Result<SyncPlatform> {
                SyncPlatform r;
                r.secrets = std::make_unique<SandboxAwareSecretStore>(
                    db, Clock::system(),
                    encrypted ? std::make_unique<EncryptedSecretStore>(db, Clock::system(), QByteArray(32, 'k'))
                              : nullptr);
                return r;
            });
            ui::MainWindow window(&service);
            QSignalSpy ready(&service, &ConsoleSyncProxy::storeReady);
            window.openStore(store.location(), QString());
            QVERIFY(ready.wait(10000));
            QSignalSpy checked(&service, &ConsoleSyncProxy::keyStorageChecked);
            ui::SetupWizard *wizard = window.openSetupWizard();
            QVERIFY(checked.wait(10000));
            QCOMPARE(checked.first().at(1).toBool(), encrypted);
            const QString note = wizard->findChild<QLabel *>(QStringLiteral("keyStorageNote"))->text();
            QVERIFY2(note.contains(encrypted ? QLatin1String("encrypted in the case store")
                                             : QLatin1String("No keyring answers")),
                     qPrintable(note));
            wizard->reject();
            service.stop();
        }
    }

    void providerPageOffersFreshservice()
    {
        SetupWizard w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.currentId(), int(ProviderPageId));
        auto *freshdesk = child<QRadioButton>(&w, "providerFreshdesk");
        auto *freshservice = child<QRadioButton>(&w, "providerFreshservice");
        QVERIFY(freshdesk->isChecked());
        QCOMPARE(w.provider(), QStringLiteral("freshdesk"));
        choose(freshservice);
        QVERIFY(freshservice->isChecked() && !freshdesk->isChecked());
        QCOMPARE(w.provider(), QStringLiteral("freshservice"));
        next(w);
        QCOMPARE(w.currentId(), int(AccountPageId));
        QCOMPARE(w.request().provider, QStringLiteral("freshservice"));
        QTest::mouseClick(w.button(QWizard::BackButton), Qt::LeftButton);
        choose(freshdesk);
        QCOMPARE(w.request().provider, QStringLiteral("freshdesk"));
    }

    void accountPageFollowsTheProvider()
    {
        SetupWizard w;
        w.setKeyStorage(QStringLiteral("keychain"), true); // what the console answers when it opens
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        next(w);
        auto *domain = child<QLineEdit>(&w, "domainEdit");
        auto *status = child<QLabel>(&w, "verifyStatus");
        QWizardPage *page = w.currentPage();
        // Freshdesk by default.
        QVERIFY(page->title().contains(QLatin1String("Connect your Freshdesk account")));
        QVERIFY(page->subTitle().contains(QLatin1String("View API key")));
        QCOMPARE(domain->placeholderText(), QStringLiteral("yourcompany.freshdesk.com"));
        w.prefill(QStringLiteral("acme"), QStringLiteral("k"));
        w.setVerificationFailed(QStringLiteral("unknown_domain"), QStringLiteral("x"));
        QVERIFY(status->text().contains(QLatin1String("No Freshdesk account answers at acme")));
        QVERIFY(status->text().contains(QLatin1String("yourcompany.freshdesk.com")));

        // Back, Freshservice, Next: every text on the page names Freshservice and its places.
        QTest::mouseClick(w.button(QWizard::BackButton), Qt::LeftButton);
        choose(child<QRadioButton>(&w, "providerFreshservice"));
        next(w);
        QCOMPARE(w.currentId(), int(AccountPageId));
        QVERIFY(page->title().contains(QLatin1String("Connect your Freshservice account")));
        QVERIFY(page->subTitle().contains(QStringLiteral("Profile settings → Your API key")));
        QCOMPARE(domain->placeholderText(), QStringLiteral("yourcompany.freshservice.com"));
        w.setVerificationFailed(QStringLiteral("unknown_domain"), QStringLiteral("x"));
        QVERIFY(status->text().contains(QLatin1String("No Freshservice account answers at acme")));
        QVERIFY(status->text().contains(QLatin1String("yourcompany.freshservice.com")));
        w.setVerificationFailed(QStringLiteral("invalid_credentials"), QStringLiteral("401"));
        QVERIFY(status->text().contains(QStringLiteral("Freshservice profile (Profile settings → Your API key)")));
        QVERIFY(!status->text().contains(QLatin1String("Freshdesk")));
        QVERIFY(w.page(ReceiverPageId)->subTitle().startsWith(QLatin1String("Freshservice sends changes")));
        QVERIFY(child<QLabel>(&w, "backfillNote")->text().contains(QLatin1String("reads from Freshservice")));

        // A key verified against one helpdesk is checked again after switching to the other.
        w.setVerified(QStringLiteral("Sandy"), QStringLiteral("sandy@example.com"));
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(w.button(QWizard::BackButton), Qt::LeftButton);
        choose(child<QRadioButton>(&w, "providerFreshdesk"));
        next(w);
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(page->title().contains(QLatin1String("Freshdesk")));
        QVERIFY(w.page(ReceiverPageId)->subTitle().startsWith(QLatin1String("Freshdesk sends changes")));
    }

    void setProviderChoosesItForAPrefill()
    {
        // What `casebridge --sandbox-provider freshservice` does before the person sees the wizard.
        SetupWizard w;
        w.setProvider(QStringLiteral("freshservice"));
        w.prefill(QStringLiteral("127.0.0.1:8765"), QStringLiteral("sandbox-admin-key"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(child<QRadioButton>(&w, "providerFreshservice")->isChecked());
        QCOMPARE(w.provider(), QStringLiteral("freshservice"));
        next(w);
        QVERIFY(w.currentPage()->title().contains(QLatin1String("Freshservice")));
        QCOMPARE(child<QLineEdit>(&w, "domainEdit")->text(), QStringLiteral("127.0.0.1:8765"));
        QSignalSpy asked(&w, &SetupWizard::verifyRequested);
        QTest::mouseClick(child<QPushButton>(&w, "verifyButton"), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(w.request().provider, QStringLiteral("freshservice"));
    }

    void verifyGatesTheAccountPage()
    {
        SetupWizard w;
        w.setKeyStorage(QStringLiteral("keychain"), true); // what the console answers when it opens
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        next(w);
        QCOMPARE(w.currentId(), int(AccountPageId));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        auto *verify = child<QPushButton>(&w, "verifyButton");
        QVERIFY(!verify->isEnabled());
        QTest::keyClicks(child<QLineEdit>(&w, "domainEdit"), QStringLiteral("acme"));
        QTest::keyClicks(child<QLineEdit>(&w, "apiKeyEdit"), QStringLiteral("wrong-key"));
        QVERIFY(verify->isEnabled());
        QSignalSpy asked(&w, &SetupWizard::verifyRequested);
        QTest::mouseClick(verify, Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().at(0).toString(), QStringLiteral("acme"));
        QCOMPARE(asked.first().at(1).toByteArray(), QByteArray("wrong-key"));
        QVERIFY(!verify->isEnabled()); // one check at a time

        auto *status = child<QLabel>(&w, "verifyStatus");
        w.setVerificationFailed(QStringLiteral("invalid_credentials"), QStringLiteral("401"));
        QVERIFY(status->text().contains(QLatin1String("API key was rejected")));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        w.setVerificationFailed(QStringLiteral("not_admin"), QStringLiteral("x"));
        QVERIFY(status->text().contains(QLatin1String("not an administrator")));
        w.setVerificationFailed(QStringLiteral("unknown_domain"), QStringLiteral("x"));
        QVERIFY(status->text().contains(QLatin1String("No Freshdesk account answers at acme")));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());

        w.setVerified(QStringLiteral("Sandy Admin"), QStringLiteral("sandy@example.com"));
        QVERIFY(status->text().contains(QLatin1String("Sandy Admin")));
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        // Editing the key after verifying asks for a new check.
        QTest::keyClicks(child<QLineEdit>(&w, "apiKeyEdit"), QStringLiteral("x"));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
    }

    void walksToFinishAndReportsTheChoices()
    {
        SetupWizard w;
        w.setKeyStorage(QStringLiteral("keychain"), true); // what the console answers when it opens
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        next(w);
        w.prefill(QStringLiteral("acme.freshdesk.com"), QStringLiteral("good-key"));
        QTest::mouseClick(child<QPushButton>(&w, "verifyButton"), Qt::LeftButton);
        w.setVerified(QStringLiteral("Sandy"), QStringLiteral("sandy@example.com"));
        next(w);
        QCOMPARE(w.currentId(), int(IntakePageId));
        choose(child<QRadioButton>(&w, "intakeAssigned"));
        next(w);
        QCOMPARE(w.currentId(), int(HandoffPageId));
        choose(child<QRadioButton>(&w, "handoffGroup"));
        QVERIFY(child<QRadioButton>(&w, "handoffGroup")->isChecked());
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled()); // a group needs its id
        QTest::keyClicks(child<QLineEdit>(&w, "handoffTargetEdit"), QStringLiteral("42"));
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        next(w);
        choose(child<QRadioButton>(&w, "commentsPrivate"));
        QTest::keyClicks(child<QLineEdit>(&w, "footerEdit"), QStringLiteral("-- Casebridge"));
        next(w);
        QCOMPARE(w.currentId(), int(ReceiverPageId));
        auto *publicUrl = child<QLineEdit>(&w, "publicUrlEdit");
        QTest::keyClicks(publicUrl, QStringLiteral("not a url"));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        publicUrl->clear();
        QTest::keyClicks(publicUrl, QStringLiteral("https://hooks.example.com"));
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        next(w);
        QCOMPARE(w.currentId(), int(BackfillPageId));

        QSignalSpy connectAsked(&w, &SetupWizard::connectRequested);
        QTest::mouseClick(w.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(connectAsked.size(), 1);
        const ConnectRequest r = connectAsked.first().at(0).value<ConnectRequest>();
        QCOMPARE(r.domain, QStringLiteral("acme.freshdesk.com"));
        QCOMPARE(r.apiKey, QByteArray("good-key"));
        QCOMPARE(r.settings.intake, IntegrationSettings::Intake::Assigned);
        QCOMPARE(r.settings.handoff, IntegrationSettings::HandoffMode::AssignGroup);
        QCOMPARE(r.settings.handoffTargetId.value_or(0), qint64(42));
        QCOMPARE(r.settings.comments, IntegrationSettings::CommentMode::Private);
        QCOMPARE(r.settings.footer, QStringLiteral("-- Casebridge"));
        QCOMPARE(r.receiverBaseUrl, QStringLiteral("https://hooks.example.com"));
        QVERIFY(connectAsked.first().at(1).toBool()); // backfill on by default
        QVERIFY(w.isVisible());                       // waits for the answer
        QVERIFY(!w.button(QWizard::FinishButton)->isEnabled());

        w.setConnectFailed(QStringLiteral("The keychain is locked; unlock it and try again."));
        auto *box = w.findChild<QMessageBox *>(QStringLiteral("connectFailedBox"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QLatin1String("keychain is locked")));
        box->accept();
        QVERIFY(w.button(QWizard::FinishButton)->isEnabled());
        QTest::mouseClick(w.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(connectAsked.size(), 2);
        w.setConnected();
        QCOMPARE(w.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
