#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

// The package an admin installs: desktop integration validates; the .deb builds, is lintian clean (no error, no
// warning), has stripped binaries, manual pages, copyright and changelog, unpacks into a temporary root and runs
// from there.
class TestPackaging : public QObject
{
    Q_OBJECT

    static QProcess *run(const QString &program, const QStringList &args, int timeoutMs = 300000)
    {
        auto *p = new QProcess;
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(program, args);
        if (!p->waitForFinished(timeoutMs))
            p->kill();
        return p;
    }

    static bool have(const QString &program) { return !QStandardPaths::findExecutable(program).isEmpty(); }

private Q_SLOTS:
    void desktopFileValidates()
    {
        if (!have(QStringLiteral("desktop-file-validate")))
            QSKIP("desktop-file-validate is not installed (package desktop-file-utils; scripts/install-deps.sh)");
        std::unique_ptr<QProcess> p(
            run(QStringLiteral("desktop-file-validate"),
                {QStringLiteral(CB_SOURCE_DIR "/packaging/org.casebridge.Casebridge.desktop")}));
        QVERIFY2(p->exitCode() == 0, p->readAll().constData());
        QVERIFY2(p->readAll().trimmed().isEmpty(), "desktop-file-validate printed warnings or hints");
    }

    void metainfoValidates()
    {
        if (!have(QStringLiteral("appstreamcli")))
            QSKIP("appstreamcli is not installed (package appstream; scripts/install-deps.sh)");
        std::unique_ptr<QProcess> p(
            run(QStringLiteral("appstreamcli"),
                {QStringLiteral("validate"), QStringLiteral("--no-net"),
                 QStringLiteral(CB_SOURCE_DIR "/packaging/org.casebridge.Casebridge.metainfo.xml")}));
        QVERIFY2(p->exitCode() == 0, p->readAll().constData());
    }

    // Builds the package once (cpack on this build tree, into a temporary folder) for the tests below.
    void initTestCase()
    {
        if (!have(QStringLiteral("cpack")) || !have(QStringLiteral("dpkg-deb")) ||
            !have(QStringLiteral("dpkg-shlibdeps")))
            return; // the package tests skip with the reason
        QVERIFY(m_out.isValid());
        std::unique_ptr<QProcess> cpack(
            run(QStringLiteral("cpack"),
                {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                 QStringLiteral(CB_BINARY_DIR "/CPackConfig.cmake"), QStringLiteral("-B"), m_out.path()}));
        QVERIFY2(cpack->exitCode() == 0, cpack->readAll().constData());
        const QStringList debs = QDir(m_out.path()).entryList({QStringLiteral("casebridge_*.deb")}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        m_deb = m_out.filePath(debs.first());
        QVERIFY(m_root.isValid());
        std::unique_ptr<QProcess> unpack(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root.path()}));
        QCOMPARE(unpack->exitCode(), 0);
    }

    void debBuildsInstallsAndRuns()
    {
        if (m_deb.isEmpty())
            QSKIP("cpack, dpkg-deb or dpkg-shlibdeps missing (packages cmake, dpkg-dev)");
        std::unique_ptr<QProcess> info(
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QStringLiteral("Depends")}));
        const QByteArray depends = info->readAll();
        for (const char *needed :
             {"adduser", "libqt6sql6-sqlite", "libqt6sql6-psql", "qt6-qpa-plugins", "libsecret-1-0", "libqt6core6"})
            QVERIFY2(depends.contains(needed), depends.constData());

        std::unique_ptr<QProcess> contents(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb}));
        const QByteArray files = contents->readAll();
        for (const char *path :
             {"./usr/bin/casebridge-sync", "./usr/bin/casebridge",
              "./usr/share/applications/org.casebridge.Casebridge.desktop",
              "./usr/share/metainfo/org.casebridge.Casebridge.metainfo.xml",
              "./usr/share/icons/hicolor/scalable/apps/org.casebridge.Casebridge.svg",
              "./usr/lib/systemd/system/casebridge-sync.service", "./etc/casebridge/casebridge-sync.env",
              "./usr/share/doc/casebridge/copyright", "./usr/share/doc/casebridge/changelog.Debian.gz",
              "./usr/share/doc/casebridge/README.md", "./usr/share/man/man1/casebridge.1.gz",
              "./usr/share/man/man1/casebridge-sync.1.gz"})
            QVERIFY2(files.contains(path), path);
        QVERIFY2(!files.contains("/doc/Casebridge/"), files.constData());

        std::unique_ptr<QProcess> version(
            run(m_root.filePath(QStringLiteral("usr/bin/casebridge-sync")), {QStringLiteral("--version")}));
        QCOMPARE(version->exitCode(), 0);
        QVERIFY(version->readAll().startsWith("casebridge-sync " CASEBRIDGE_VERSION));
    }

    // The systemd unit's documentation link is a file the package installs.
    void serviceDocumentationIsInstalled()
    {
        if (m_deb.isEmpty())
            QSKIP("no package built (see debBuildsInstallsAndRuns)");
        QFile unit(m_root.filePath(QStringLiteral("usr/lib/systemd/system/casebridge-sync.service")));
        QVERIFY(unit.open(QIODevice::ReadOnly));
        const QRegularExpression doc(QStringLiteral("^Documentation=file://(/\\S+)$"),
                                     QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = doc.match(QString::fromUtf8(unit.readAll()));
        QVERIFY(m.hasMatch());
        QVERIFY2(QFile::exists(m_root.path() + m.captured(1)), qPrintable(m.captured(1)));
    }

    // What an admin sees: the binaries carry no debug information or symbol table, and the manual pages are the
    // programs' own help.
    void binariesAreStrippedAndDocumented()
    {
        if (m_deb.isEmpty())
            QSKIP("no package built (see debBuildsInstallsAndRuns)");
        if (!have(QStringLiteral("readelf")))
            QSKIP("readelf is not installed (package binutils; scripts/install-deps.sh)");
        for (const QString &bin : {QStringLiteral("casebridge"), QStringLiteral("casebridge-sync")}) {
            const QString path = m_root.filePath(QStringLiteral("usr/bin/") + bin);
            std::unique_ptr<QProcess> sections(
                run(QStringLiteral("readelf"), {QStringLiteral("-S"), QStringLiteral("-W"), path}));
            const QByteArray out = sections->readAll();
            QVERIFY2(sections->exitCode() == 0 && out.contains(".text"), out.constData());
            QVERIFY2(!out.contains(".debug_info") && !out.contains(".symtab"),
                     qPrintable(bin + QStringLiteral(" is not stripped")));
            qInfo("%s: %lld bytes", qPrintable(bin), QFileInfo(path).size());
        }
        std::unique_ptr<QProcess> man(
            run(QStringLiteral("gzip"),
                {QStringLiteral("-dc"), m_root.filePath(QStringLiteral("usr/share/man/man1/casebridge-sync.1.gz"))}));
        const QByteArray page = man->readAll();
        QVERIFY2(page.contains(".TH CASEBRIDGE-SYNC \"1\""), page.left(400).constData());
        QVERIFY2(page.contains("rotate\\-secret"), "the manual page lacks the commands of --help");
    }

    // lintian, Debian's package checker, finds no error and no warning.
    void lintianIsClean()
    {
        if (m_deb.isEmpty())
            QSKIP("no package built (see debBuildsInstallsAndRuns)");
        if (!have(QStringLiteral("lintian")))
            QSKIP("lintian is not installed (scripts/install-deps.sh installs it)");
        std::unique_ptr<QProcess> lintian(run(QStringLiteral("lintian"), {QStringLiteral("--allow-root"), m_deb}));
        QCOMPARE(lintian->exitStatus(), QProcess::NormalExit);
        const QString out = QString::fromUtf8(lintian->readAll());
        const QRegularExpression problem(QStringLiteral("^[EW]: .*$"), QRegularExpression::MultilineOption);
        QStringList problems;
        for (auto it = problem.globalMatch(out); it.hasNext();)
            problems.append(it.next().captured(0));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(!out.contains(QLatin1String("Unknown option")), qPrintable(out));
    }

private:
    QTemporaryDir m_out;
    QTemporaryDir m_root;
    QString m_deb;
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
