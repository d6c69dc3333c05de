#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// The package an admin installs: desktop integration validates, and the .deb builds, unpacks into a temporary
// root and runs from there.
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

    void debBuildsInstallsAndRuns()
    {
        if (!have(QStringLiteral("cpack")) || !have(QStringLiteral("dpkg-deb")) ||
            !have(QStringLiteral("dpkg-shlibdeps")))
            QSKIP("cpack, dpkg-deb or dpkg-shlibdeps missing (packages cmake, dpkg-dev)");
        QTemporaryDir out;
        std::unique_ptr<QProcess> cpack(
            run(QStringLiteral("cpack"),
                {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                 QStringLiteral(CB_BINARY_DIR "/CPackConfig.cmake"), QStringLiteral("-B"), out.path()}));
        QVERIFY2(cpack->exitCode() == 0, cpack->readAll().constData());
        const QStringList debs = QDir(out.path()).entryList({QStringLiteral("casebridge_*.deb")}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        const QString deb = out.filePath(debs.first());

        std::unique_ptr<QProcess> info(
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), deb, QStringLiteral("Depends")}));
        const QByteArray depends = info->readAll();
        for (const char *needed :
             {"libqt6sql6-sqlite", "libqt6sql6-psql", "qt6-qpa-plugins", "libsecret-1-0", "libqt6core6"})
            QVERIFY2(depends.contains(needed), depends.constData());

        std::unique_ptr<QProcess> contents(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), deb}));
        const QByteArray files = contents->readAll();
        for (const char *path :
             {"./usr/bin/casebridge-sync", "./usr/bin/casebridge",
              "./usr/share/applications/org.casebridge.Casebridge.desktop",
              "./usr/share/metainfo/org.casebridge.Casebridge.metainfo.xml",
              "./usr/share/icons/hicolor/scalable/apps/org.casebridge.Casebridge.svg",
              "./usr/lib/systemd/system/casebridge-sync.service", "./etc/casebridge/casebridge-sync.env"})
            QVERIFY2(files.contains(path), path);

        QTemporaryDir root;
        std::unique_ptr<QProcess> unpack(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), deb, root.path()}));
        QCOMPARE(unpack->exitCode(), 0);
        std::unique_ptr<QProcess> version(
            run(root.filePath(QStringLiteral("usr/bin/casebridge-sync")), {QStringLiteral("--version")}));
        QCOMPARE(version->exitCode(), 0);
        QVERIFY(version->readAll().startsWith("casebridge-sync " CASEBRIDGE_VERSION));
    }
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
