#include "common/clock.h"
#include "consoletranslations.h"
#include "englishplurals.h"
#include "helpdesk/helpdeskclient.h"
#include "helpdesk/helpdeskclientfactory.h"
#include "loopbacksandbox.h"
#include "mainwindow.h"
#include "sandboxmenu.h"
#include "secrets/sandboxawaresecretstore.h"
#include "setupwizard.h"
#include "sync/consolesyncproxy.h"
#include "sync/integrationmanager.h"
#include "tempstore.h"

#include <QAction>
#include <QFile>
#include <QMenuBar>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace cb;

// The German translation is complete and embedded, and the console speaks it once the translator is installed.
class TestTranslation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void tsFileHasNoUnfinishedMessages()
    {
        QFile ts(QStringLiteral(CB_SOURCE_DIR "/translations/casebridge_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        int messages = 0;
        bool numerus = false;
        QString source;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                QCOMPARE(xml.attributes().value(QLatin1String("language")).toString(), QStringLiteral("de_DE"));
            } else if (name == QLatin1String("message")) {
                ++messages;
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                QVERIFY2(type.isEmpty(), qPrintable(type + QStringLiteral(": ") + source));
                if (numerus) {
                    int forms = 0;
                    while (xml.readNextStartElement()) {
                        QVERIFY2(!xml.readElementText().isEmpty(), qPrintable(source));
                        ++forms;
                    }
                    QCOMPARE(forms, 2);
                } else {
                    QVERIFY2(!xml.readElementText().isEmpty(), qPrintable(QStringLiteral("untranslated: ") + source));
                }
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 250);
    }

    void mainWindowSpeaksGerman()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("casebridge"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        ConsoleSyncProxy service;
        ui::MainWindow window(&service);
        const QList<QAction *> menus = window.menuBar()->actions();
        QVERIFY(!menus.isEmpty());
        QCOMPARE(menus.first()->text(), QStringLiteral("&Datei"));
        QStringList items;
        for (QAction *a : menus.first()->menu()->actions())
            items << a->text();
        QVERIFY2(items.contains(QStringLiteral("Helpdesk &verbinden…")), qPrintable(items.join(QLatin1Char('|'))));
        QVERIFY(items.contains(QStringLiteral("Tickets &importieren…")));
        QVERIFY(items.contains(QStringLiteral("&Beenden")));
        QCoreApplication::removeTranslator(&translator);
        ui::MainWindow english(&service);
        QCOMPARE(english.menuBar()->actions().first()->text(), QStringLiteral("&File"));
    }

    // Qt's own strings too: the wizard's Next/Back/Cancel and the dialog buttons are German, not English.
    void qtsOwnStringsAreGerman()
    {
        const ui::ConsoleTranslations::Loaded loaded =
            ui::ConsoleTranslations::install(qApp, QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(loaded.console);
        QVERIFY2(loaded.qt, "qtbase_de.qm not found: install qt6-translations-l10n (scripts/install-deps.sh)");
        ui::SetupWizard wizard;
        const QString next = wizard.buttonText(QWizard::NextButton);
        QVERIFY2(next.contains(QLatin1String("Weiter")), qPrintable(next));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "&Yes"), QStringLiteral("&Ja"));
        // Plurals use %n with German numerus forms.
        QCOMPARE(ui::SandboxMenu::tr("Sandbox: webhooks are dropped for %n second(s); the reconciler finds what "
                                     "they miss.",
                                     nullptr, 1)
                     .contains(QLatin1String("(s)")),
                 false);
        for (QTranslator *t : qApp->findChildren<QTranslator *>())
            QCoreApplication::removeTranslator(t);
    }

    // The core's messages reach the console translated (context cb::CoreMessages): a bad key verified against the
    // sandbox and a key with nowhere to be kept read German with the translator loaded, English without it (the CLI).
    void coreErrorsReadGerman()
    {
        test::LoopbackSandbox sandbox;
        QNetworkAccessManager nam;
        const QString domain = QStringLiteral("127.0.0.1:%1").arg(sandbox.port());
        const auto verifyMessage = [&]() -> QString {
            auto made = makeHelpdeskClientMaker(&nam)(QStringLiteral("freshdesk"), domain, "not-the-key");
            if (!made)
                return made.error().message;
            auto agent = QCoro::waitFor(made->client->verify());
            return agent ? QString() : agent.error().message;
        };
        test::TempStore store;
        auto db = store.open();
        QVERIFY(db);
        SandboxAwareSecretStore keyless(*db, Clock::system(), nullptr);
        const auto storeMessage = [&]() -> QString {
            auto st = QCoro::waitFor(keyless.write(QStringLiteral("no-such-integration"), "a-real-key"));
            return st ? QString() : st.error().message;
        };

        const QString english = verifyMessage();
        QVERIFY2(english.startsWith(QLatin1String("Freshdesk rejected the API key")), qPrintable(english));
        QVERIFY(storeMessage().startsWith(QLatin1String("No secret store is available")));

        QTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("casebridge"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const QString german = verifyMessage();
        const QString germanStore = storeMessage();
        const QStringList germanRules = IntegrationManager::rulePayloads(QStringLiteral("freshdesk"));
        const QStringList germanWorkflows = IntegrationManager::rulePayloads(QStringLiteral("freshservice"));
        QCoreApplication::removeTranslator(&translator);
        // The rules the secret modal and the Disconnect box name: the heading in German, the JSON as pasted.
        const QStringList englishRules = IntegrationManager::rulePayloads(QStringLiteral("freshdesk"));
        QVERIFY2(germanRules.value(0).startsWith(QStringLiteral("Regel 1 — ")), qPrintable(germanRules.value(0)));
        QVERIFY(germanRules.value(1).startsWith(QStringLiteral("Regel 2 — Regeln für Ticketänderungen")));
        QVERIFY(germanWorkflows.value(1).contains(QStringLiteral("Ereignis")));
        for (int i = 0; i < 2; ++i)
            QCOMPARE(germanRules.value(i).section(QLatin1Char('\n'), 1),
                     englishRules.value(i).section(QLatin1Char('\n'), 1));
        QVERIFY2(german.startsWith(QStringLiteral("Freshdesk hat den API-Schlüssel abgelehnt")), qPrintable(german));
        QVERIFY2(germanStore.startsWith(QStringLiteral("Kein Schlüsselspeicher verfügbar")), qPrintable(germanStore));
        QVERIFY(germanStore.contains(QLatin1String("ENCRYPTION_KEY")));
    }

    // In English the "%n word(s)" numerus strings say "1 case" and "2 cases", not "case(s)".
    void englishSaysOneCaseAndTwoCases()
    {
        const ui::ConsoleTranslations::Loaded loaded =
            ui::ConsoleTranslations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(!loaded.console);
        QCOMPARE(ui::MainWindow::tr("%n case(s) in the store.", nullptr, 1), QStringLiteral("1 case in the store."));
        QCOMPARE(ui::MainWindow::tr("%n case(s) in the store.", nullptr, 87), QStringLiteral("87 cases in the store."));
        QCOMPARE(ui::MainWindow::tr("%n helpdesk(s) connected", nullptr, 1), QStringLiteral("1 helpdesk connected"));
        QCOMPARE(ui::SandboxMenu::tr("Sandbox: %n API call(s) spent; the sync waits for the next minute's budget.",
                                     nullptr, 2),
                 QStringLiteral("Sandbox: 2 API calls spent; the sync waits for the next minute's budget."));
        // Only the word counted by %n follows it; a "(s)" counted by another number stays.
        QCOMPARE(ui::EnglishPlurals::settle(QStringLiteral("%1 of %n helpdesk(s) syncing · %4 failure(s)"), 1),
                 QStringLiteral("%1 of %n helpdesk syncing · %4 failure(s)"));
        QCOMPARE(ui::MainWindow::tr("Store: %1", nullptr, -1), QStringLiteral("Store: %1")); // no numerus: as written
        for (QTranslator *t : qApp->findChildren<QTranslator *>())
            QCoreApplication::removeTranslator(t);
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
