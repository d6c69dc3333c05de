#include <QProcess>
#include <QtTest>

// The console's own options, run as a person would type them: `casebridge --sandbox-provider …`.
class TestGuiCommandLine : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(CB_GUI_BIN), args);
        Run r;
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private Q_SLOTS:
    void unknownSandboxProviderIsAUsageError()
    {
        const Run r = run({QStringLiteral("--sandbox-provider"), QStringLiteral("zendesk")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--sandbox-provider takes freshdesk or freshservice")),
                 qPrintable(r.err));
    }

    void helpOffersTheSandboxProvider()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("--sandbox-provider <freshdesk|freshservice>")), qPrintable(r.out));
        QVERIFY(r.out.simplified().contains(QLatin1String("a Freshdesk or Freshservice emulator")));
    }
};

QTEST_GUILESS_MAIN(TestGuiCommandLine)
#include "tst_guicommandline.moc"
