#include "secretrevealdialog.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace cb;
using namespace cb::ui;

class TestSecretRevealDialog : public QObject
{
    Q_OBJECT

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
};

QTEST_MAIN(TestSecretRevealDialog)
#include "tst_secretrevealdialog.moc"
