#include "clirunner.h"

#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

// The headless runner and the core library never reach Gui or Widgets.
class TestLayering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headlessBinaryLinksNoGui()
    {
        QProcess ldd;
        ldd.start(QStringLiteral("ldd"), {cb::test::cliPath()});
        QVERIFY(ldd.waitForFinished(30000));
        QCOMPARE(ldd.exitCode(), 0);
        const QString libs = QString::fromLocal8Bit(ldd.readAllStandardOutput());
        QVERIFY2(libs.contains(QLatin1String("libQt6Core")), "ldd output does not look right");
        QVERIFY2(!libs.contains(QLatin1String("libQt6Gui")), qPrintable(libs));
        QVERIFY2(!libs.contains(QLatin1String("libQt6Widgets")), qPrintable(libs));
    }

    void coreSourcesIncludeNoGuiHeaders()
    {
        // Built from parts so that moc, which scans this file, does not see an include directive in a string.
        const QString includeDirective = QStringLiteral("#") + QStringLiteral("\\s*include\\s*[<\"]");
        const QRegularExpression gui(includeDirective +
                                     QStringLiteral("(QtWidgets|QtGui|QWidget|QDialog|QMessageBox|QIcon|QPixmap|"
                                                    "QImage|QApplication|QGuiApplication)[/>\"]"));
        QDirIterator it(QStringLiteral(CB_SOURCE_DIR "/core"), {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                        QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            QVERIFY2(!gui.match(text).hasMatch(), qPrintable(f.fileName()));
            ++files;
        }
        QVERIFY(files > 10);
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
