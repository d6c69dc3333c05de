#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

// A clone of the repository stands on its own: no tracked file (build, tests, scripts, docs) reads or links a path
// beside the checkout or on somebody's machine. Paths of the installed system (/usr, /etc, /var, /tmp, …) are fine:
// that is where the package installs and what scripts/install-deps.sh provides.
//
// The patterns are built from parts so that this file does not match them itself.
class TestSelfContainedTree : public QObject
{
    Q_OBJECT

    struct Finding
    {
        QString file;
        int line = 0;
        QString text;
    };

    // Every tracked file (git ls-files), or, outside a git checkout (a source tarball), every file under root but
    // the .git folder and build folders.
    static QStringList trackedFiles(const QString &root)
    {
        QProcess git;
        git.start(QStringLiteral("git"),
                  {QStringLiteral("-C"), root, QStringLiteral("ls-files"), QStringLiteral("-z")});
        if (git.waitForFinished(60000) && git.exitStatus() == QProcess::NormalExit && git.exitCode() == 0) {
            QStringList files;
            for (const QByteArray &f : git.readAllStandardOutput().split('\0')) {
                if (!f.isEmpty())
                    files.append(QString::fromUtf8(f));
            }
            if (!files.isEmpty())
                return files;
        }
        QStringList files;
        const QDir base(root);
        static const QRegularExpression buildOutput(QStringLiteral("^build[^/]*/"));
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString rel = base.relativeFilePath(it.next());
            if (rel == QLatin1String(".git") || rel.startsWith(QLatin1String(".git/")) ||
                buildOutput.match(rel).hasMatch())
                continue;
            files.append(rel);
        }
        return files;
    }

    // What points outside the tree: the folder beside it that the reference material lived in, the source root
    // followed by "/..", a script climbing above the root, and absolute paths into home or work folders (and into
    // the folder that holds this checkout, whatever it is called).
    static QList<QRegularExpression> outsidePatterns(const QString &root)
    {
        const QString up = QStringLiteral("\\.") + QStringLiteral("\\./");
        QList<QRegularExpression> patterns{
            QRegularExpression(QStringLiteral("(?:") + up + QStringLiteral(")+shared\\b")),
            QRegularExpression(
                QStringLiteral("(?:PROJECT_SOURCE_DIR|CMAKE_SOURCE_DIR|CB_SOURCE_DIR)\\}?\\s*\"?\\s*\"?/") +
                QStringLiteral("\\.\\.(?:[/\"\\s]|$)")),
            QRegularExpression(QStringLiteral("dirname \"\\$0\"\\)/") + up + QStringLiteral("\\.\\.")),
            QRegularExpression(QStringLiteral("(?:^|[\\s\"'=(:`])/(?:work|home|root|Users|mnt|media|srv)/"),
                               QRegularExpression::MultilineOption),
        };
        // The parent of the tree, unless it is the system temp folder (a clone checked there: /tmp/… is scratch space).
        QDir parent(root);
        if (parent.cdUp() && !parent.isRoot() && parent.absolutePath() != QDir(QDir::tempPath()).absolutePath())
            patterns.append(QRegularExpression(QRegularExpression::escape(parent.absolutePath() + QLatin1Char('/'))));
        return patterns;
    }

    static QList<Finding> outsideReferences(const QString &root, const QStringList &files)
    {
        const QList<QRegularExpression> patterns = outsidePatterns(root);
        QList<Finding> findings;
        for (const QString &rel : files) {
            QFile f(root + QLatin1Char('/') + rel);
            if (!f.open(QIODevice::ReadOnly))
                continue; // a tracked file deleted in the work tree
            const QByteArray bytes = f.readAll();
            if (bytes.contains('\0'))
                continue; // binary
            const QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'));
            for (int i = 0; i < lines.size(); ++i) {
                for (const QRegularExpression &re : patterns) {
                    if (re.match(lines.at(i)).hasMatch()) {
                        findings.append({rel, i + 1, lines.at(i).trimmed().left(160)});
                        break;
                    }
                }
            }
        }
        return findings;
    }

    static QString describe(const QList<Finding> &findings)
    {
        QStringList out;
        for (const Finding &f : findings)
            out.append(QStringLiteral("%1:%2: %3").arg(f.file).arg(f.line).arg(f.text));
        return out.join(QLatin1Char('\n'));
    }

private Q_SLOTS:
    void noTrackedFileRefersOutsideTheTree()
    {
        const QString root = QStringLiteral(CB_SOURCE_DIR);
        const QStringList files = trackedFiles(root);
        QVERIFY2(files.contains(QStringLiteral("CMakeLists.txt")) && files.size() > 100,
                 qPrintable(
                     QStringLiteral("the file list of %1 does not look right (%2 files)").arg(root).arg(files.size())));
        const QList<Finding> findings = outsideReferences(root, files);
        QVERIFY2(findings.isEmpty(),
                 qPrintable(QStringLiteral("tracked files refer to paths outside the tree:\n") + describe(findings)));
    }

    // The same search over a folder that is not a git checkout (the directory walk), with files that must be
    // found and files that must not.
    void theSearchFindsWhatPointsOutside()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString root = tmp.filePath(QStringLiteral("casebridge"));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/docs")));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/build/bin")));
        const auto write = [&](const QString &rel, const QString &text) {
            QFile f(root + QLatin1Char('/') + rel);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text.toUtf8());
        };
        const QString dots = QStringLiteral("..");
        write(QStringLiteral("docs/a.md"), QStringLiteral("See `") + dots + QStringLiteral("/shared/DESIGN.md`.\n"));
        write(QStringLiteral("CMakeLists.txt"),
              QStringLiteral("set(X \"${PROJECT_SOURCE_DIR}/") + dots + QStringLiteral("/fixtures\")\n"));
        write(QStringLiteral("tst_x.cpp"),
              QStringLiteral("QFile f(QStringLiteral(CB_SOURCE_DIR \"/") + dots + QStringLiteral("/x.json\"));\n"));
        write(QStringLiteral("run.sh"), QStringLiteral("cd \"$(dirname \"$0\")/") + dots + QStringLiteral("/") + dots +
                                            QStringLiteral("/other\"\n"));
        write(QStringLiteral("notes.md"), QStringLiteral("line one\ncopied from /ho") + QStringLiteral("me/alice/x\n"));
        write(QStringLiteral("beside.md"), QStringLiteral("data in ") + tmp.path() + QStringLiteral("/other/x\n"));
        // Fine: the tree's own folders, system paths, a relative link inside the tree, build output.
        write(QStringLiteral("ok.md"), QStringLiteral("cd \"$(dirname \"$0\")/") + dots +
                                           QStringLiteral("\"\n[s](sandbox.md) /usr/bin/casebridge-sync "
                                                          "/var/lib/casebridge /etc/casebridge "
                                                          "~/.local/share/casebridge tests/data/x\n"));
        write(QStringLiteral("build/bin/junk.txt"), dots + QStringLiteral("/shared\n"));

        const QStringList files = trackedFiles(root);
        QVERIFY2(!files.contains(QStringLiteral("build/bin/junk.txt")), qPrintable(files.join(QLatin1Char(' '))));
        QCOMPARE(files.size(), 7);
        const QList<Finding> findings = outsideReferences(root, files);
        QStringList found;
        for (const Finding &f : findings)
            found.append(QStringLiteral("%1:%2").arg(f.file).arg(f.line));
        found.sort();
        QCOMPARE(found, (QStringList{QStringLiteral("CMakeLists.txt:1"), QStringLiteral("beside.md:1"),
                                     QStringLiteral("docs/a.md:1"), QStringLiteral("notes.md:2"),
                                     QStringLiteral("run.sh:1"), QStringLiteral("tst_x.cpp:1")}));
    }
};

QTEST_GUILESS_MAIN(TestSelfContainedTree)
#include "tst_selfcontainedtree.moc"
