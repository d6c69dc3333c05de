#include "secretrevealdialog.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

using namespace cb;
using namespace cb::ui;

class TestSecretRevealDialog : public QObject
{
    Q_OBJECT

    static WebhookSetupInfo freshdeskInfo()
    {
        WebhookSetupInfo info;
        info.webhookUrl = QStringLiteral("http://127.0.0.1:8780/api/webhooks/freshdesk/abc");
        info.secret = QStringLiteral("s3cr3t-value-0123456789");
        info.rulePayloads = {QStringLiteral("Rule 1:\n{}"), QStringLiteral("Rule 2:\n{}")};
        return info;
    }

private Q_SLOTS:
    void cannotCloseBeforeTheSecretIsStored()
    {
        WebhookSetupInfo info;
        info.integrationId = QStringLiteral("abc");
        info.webhookUrl = QStringLiteral("http://127.0.0.1:8780/api/webhooks/freshdesk/abc");
        info.secret = QStringLiteral("s3cr3t-value-0123456789");
        info.rulePayloads = {QStringLiteral("Rule 1:\n{\"ticket_id\": \"{{ticket.id}}\"}"),
                             QStringLiteral("Rule 2:\n{}")};
        SecretRevealDialog dlg(info);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        auto *close = dlg.findChild<QPushButton *>(QStringLiteral("closeButton"));
        QVERIFY(!close->isEnabled());
        QTest::keyClick(&dlg, Qt::Key_Escape);
        QVERIFY(dlg.isVisible());
        QVERIFY(!dlg.close());
        QVERIFY(dlg.isVisible());
        dlg.reject();
        QVERIFY(dlg.isVisible());

        QTest::mouseClick(dlg.findChild<QPushButton *>(QStringLiteral("secretCopy")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), info.secret);
        QTest::mouseClick(dlg.findChild<QPushButton *>(QStringLiteral("rulePayload1Copy")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("{\"ticket_id\": \"{{ticket.id}}\"}"));

        dlg.findChild<QCheckBox *>(QStringLiteral("storedCheck"))->setChecked(true);
        QVERIFY(close->isEnabled());
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!dlg.isVisible());
        QCOMPARE(dlg.result(), int(QDialog::Accepted));
        QVERIFY(!dlg.findChild<QLineEdit *>(QStringLiteral("secret"))->text().contains(QLatin1String("s3cr3t")));
    }

    void closesAtOnceWhenTheConsoleRegisteredTheRules()
    {
        WebhookSetupInfo info = freshdeskInfo();
        SecretRevealDialog copy(info);
        QVERIFY(!copy.findChild<QPushButton *>(QStringLiteral("closeButton"))->isEnabled());
        QVERIFY(!copy.findChild<QLabel *>(QStringLiteral("secretWarning"))->text().contains(QLatin1String("Nothing")));
        SecretRevealDialog dlg(info, nullptr, SecretRevealDialog::Rules::AlreadyRegistered);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("secretWarning"))
                    ->text()
                    .contains(QLatin1String("Nothing to copy")));
        QVERIFY(!dlg.findChild<QCheckBox *>(QStringLiteral("storedCheck"))->isVisible());
        QTest::keyClick(&dlg, Qt::Key_Escape); // nothing to keep: it closes like any dialog
        QVERIFY(!dlg.isVisible());
        QVERIFY(!dlg.findChild<QLineEdit *>(QStringLiteral("secret"))->text().contains(QLatin1String("s3cr3t")));
    }

    void wordsTheInstructionsForTheProvider()
    {
        WebhookSetupInfo info = freshdeskInfo();
        {
            SecretRevealDialog dlg(info);
            const QString warning = dlg.findChild<QLabel *>(QStringLiteral("secretWarning"))->text();
            QVERIFY(warning.contains(QLatin1String("Freshdesk automation rules")));
            QVERIFY(!warning.contains(QLatin1String("Workflow Automator")));
            QCOMPARE(dlg.findChild<QPushButton *>(QStringLiteral("rulePayload2Copy"))->text(),
                     QStringLiteral("Copy rule 2"));
            QCOMPARE(dlg.findChild<QPlainTextEdit *>(QStringLiteral("rulePayload1"))->accessibleName(),
                     QStringLiteral("Automation rule 1"));
        }
        info.provider = QStringLiteral("freshservice");
        info.webhookUrl = QStringLiteral("http://127.0.0.1:8780/api/webhooks/freshservice/abc");
        info.rulePayloads = {QStringLiteral("Workflow 1:\n{}"), QStringLiteral("Workflow 2:\n{}")};
        SecretRevealDialog dlg(info);
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        const QString warning = dlg.findChild<QLabel *>(QStringLiteral("secretWarning"))->text();
        QVERIFY2(warning.contains(QLatin1String("Trigger Webhook")), qPrintable(warning));
        QVERIFY(warning.contains(QLatin1String("Freshservice")));
        QVERIFY(warning.contains(QLatin1String("Workflow Automator")));
        QVERIFY(!warning.contains(QLatin1String("Freshdesk")));
        QVERIFY(!warning.contains(QLatin1String("automation rules")));
        QCOMPARE(dlg.findChild<QPushButton *>(QStringLiteral("rulePayload2Copy"))->text(),
                 QStringLiteral("Copy workflow 2"));
        QCOMPARE(dlg.findChild<QPlainTextEdit *>(QStringLiteral("rulePayload1"))->accessibleName(),
                 QStringLiteral("Workflow 1"));
        QCOMPARE(dlg.findChild<QLineEdit *>(QStringLiteral("webhookUrl"))->text(), info.webhookUrl);
        dlg.findChild<QCheckBox *>(QStringLiteral("storedCheck"))->setChecked(true);
        dlg.accept();
    }
};

QTEST_MAIN(TestSecretRevealDialog)
#include "tst_secretrevealdialog.moc"
