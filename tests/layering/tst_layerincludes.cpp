// Each layer of the core compiles against an include root holding only its own folders and the layers below it
// (core/CMakeLists.txt). This builds the probes of tests/layering/probes/ with the real build tree: an include the
// design forbids must fail to resolve, and the allowed ones (the controls) must build, so the test can fail.
#include <QDir>
#include <QProcess>
#include <QtTest>

class TestLayerIncludes : public QObject
{
    Q_OBJECT

private:
    struct Build
    {
        int exitCode = -1;
        QString output;
    };

    static Build buildProbe(const QString &target)
    {
        QProcess cmake;
        cmake.setProcessChannelMode(QProcess::MergedChannels);
        cmake.start(QStringLiteral(CB_CMAKE_COMMAND),
                    {QStringLiteral("--build"), QStringLiteral(CB_BINARY_DIR), QStringLiteral("--target"), target});
        if (!cmake.waitForFinished(300000))
            return {};
        return {cmake.exitStatus() == QProcess::NormalExit ? cmake.exitCode() : -1,
                QString::fromLocal8Bit(cmake.readAll())};
    }

private Q_SLOTS:
    void forbiddenIncludeDoesNotBuild_data()
    {
        QTest::addColumn<QString>("probe");
        QTest::addColumn<QString>("header");
        QTest::newRow("helpdesk → sync") << "forbidden_helpdesk_uses_sync"
                                         << "sync/integrationmanager.h";
        QTest::newRow("storage → helpdesk") << "forbidden_storage_uses_helpdesk"
                                            << "helpdesk/helpdeskclient.h";
        QTest::newRow("http → webhook") << "forbidden_http_uses_webhook"
                                        << "webhook/webhookreceiver.h";
        QTest::newRow("webhook → sync") << "forbidden_webhook_uses_sync"
                                        << "sync/syncengine.h";
        QTest::newRow("secrets → sandbox") << "forbidden_secrets_uses_sandbox"
                                           << "sandbox/sandboxaccount.h";
        QTest::newRow("sync → sandbox") << "forbidden_sync_uses_sandbox"
                                        << "sandbox/sandboxhelpdesk.h";
        QTest::newRow("domain → storage") << "forbidden_domain_uses_storage"
                                          << "storage/database.h";
    }

    void forbiddenIncludeDoesNotBuild()
    {
        QFETCH(QString, probe);
        QFETCH(QString, header);
        const Build b = buildProbe(probe);
        QVERIFY2(b.exitCode != 0, qPrintable(probe + QStringLiteral(" built, but its include is forbidden")));
        // It failed for the right reason: the header is not on that layer's include path (not some other error).
        QVERIFY2(b.output.contains(header) && b.output.contains(QLatin1String("No such file or directory")),
                 qPrintable(b.output.right(2000)));
    }

    void allowedIncludeBuilds_data()
    {
        QTest::addColumn<QString>("probe");
        QTest::newRow("sync → webhook") << "allowed_sync_uses_webhook";
        QTest::newRow("helpdesk → domain") << "allowed_helpdesk_uses_domain";
        QTest::newRow("sandbox → http") << "allowed_sandbox_uses_http";
    }

    void allowedIncludeBuilds()
    {
        QFETCH(QString, probe);
        const Build b = buildProbe(probe);
        QVERIFY2(b.exitCode == 0, qPrintable(b.output.right(2000)));
    }

    void everyLayerHasItsOwnRoot()
    {
        // The roots the probes rely on exist and hold no folder of a layer above: the helpdesk root has no sync/.
        const QDir roots(QStringLiteral(CB_BINARY_DIR "/core/layers"));
        for (const char *layer :
             {"domain", "storage", "helpdesk", "http", "telephony", "webhook", "secrets", "sync", "sandbox"})
            QVERIFY2(roots.exists(QString::fromLatin1(layer)), layer);
        QVERIFY(!QDir(roots.filePath(QStringLiteral("helpdesk"))).exists(QStringLiteral("sync")));
        QVERIFY(!QDir(roots.filePath(QStringLiteral("sync"))).exists(QStringLiteral("sandbox")));
        QVERIFY(QDir(roots.filePath(QStringLiteral("sync"))).exists(QStringLiteral("webhook")));
    }
};

QTEST_GUILESS_MAIN(TestLayerIncludes)
#include "tst_layerincludes.moc"
