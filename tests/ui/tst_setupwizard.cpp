#include "accountpage.h"
#include "setupwizard.h"
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
    // The account page says where the key will be kept, as the console's runtime will keep it: the keychain (and
    // what to do without one), or encrypted under ENCRYPTION_KEY; the sandbox's key in the store either way.
    void accountPageSaysTruthfullyWhereTheKeyGoes()
    {
        const QByteArray saved = qgetenv("ENCRYPTION_KEY");
        for (const bool encrypted : {false, true}) {
            if (encrypted)
                qputenv("ENCRYPTION_KEY", QByteArray(64, 'b'));
            else
                qunsetenv("ENCRYPTION_KEY");
            ui::AccountPage page;
            const QString note = page.findChild<QLabel *>(QStringLiteral("keyStorageNote"))->text();
            QCOMPARE(note.contains(QLatin1String("keychain")), !encrypted);
            QCOMPARE(note.contains(QLatin1String("encrypted in the case store")), encrypted);
            QVERIFY(note.contains(QLatin1String("sandbox")));
            QVERIFY(!page.subTitle().contains(QLatin1String("keychain")));
        }
        if (saved.isEmpty())
            qunsetenv("ENCRYPTION_KEY");
        else
            qputenv("ENCRYPTION_KEY", saved);
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
