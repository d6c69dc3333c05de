// One locale date format everywhere in the console (issue 14.6): every view writes a moment through
// ui/datetimetext (DateTimeText::of). This reads the console's sources and fails on a moment formatted any other
// way: QLocale's date formats, Qt::ISODate or Qt::TextDate, or a hand-written pattern. The CSV export keeps ISO 8601
// (a file for programs, not a view), and datetimetext.cpp is the one place that may call QLocale for a moment.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

class TestOneDateFormat : public QObject
{
    Q_OBJECT

    static QStringList stragglers(const QString &name, const QString &text)
    {
        static const QRegularExpression other(
            QStringLiteral("QLocale::(Short|Long|Narrow)Format|Qt::(ISODate|ISODateWithMs|TextDate|RFC2822Date)|"
                           "dateTimeFormat\\(|toString\\(\\s*(QStringLiteral\\(\\s*|u)?\"[^\"]*(yy|dd|MM|hh|HH)"));
        QStringList found;
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (int n = 0; n < lines.size(); ++n)
            if (other.match(lines.at(n)).hasMatch())
                found << QStringLiteral("%1:%2: %3").arg(name).arg(n + 1).arg(lines.at(n).trimmed());
        return found;
    }

private Q_SLOTS:
    void everyViewWritesMomentsThroughDateTimeText()
    {
        const QString root = QStringLiteral(CB_SOURCE_DIR);
        QStringList found;
        int files = 0;
        for (const QString &dir : {QStringLiteral("/ui"), QStringLiteral("/app/gui")}) {
            QDirIterator it(root + dir, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QString name = path.mid(root.size() + 1);
                if (name == QLatin1String("ui/datetimetext.cpp") ||
                    name == QLatin1String("ui/synclog/synclogcsvexporter.cpp"))
                    continue;
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                ++files;
                found << stragglers(name, QString::fromUtf8(f.readAll()));
            }
        }
        QVERIFY(files > 50);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    // The checker can fail: the straggler this test was written for, and the other shapes it looks for.
    void theCheckerSeesStragglers()
    {
        QCOMPARE(stragglers(QStringLiteral("x.cpp"),
                            QStringLiteral("QLocale().toString(t.toLocalTime(), QLocale::ShortFormat),"))
                     .size(),
                 1);
        QCOMPARE(stragglers(QStringLiteral("x.cpp"), QStringLiteral("t.toString(Qt::ISODate)")).size(), 1);
        QCOMPARE(
            stragglers(QStringLiteral("x.cpp"), QStringLiteral("t.toString(QStringLiteral(\"dd.MM.yyyy\"))")).size(),
            1);
        QCOMPARE(stragglers(QStringLiteral("x.cpp"), QStringLiteral("DateTimeText::of(t)")).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOneDateFormat)
#include "tst_onedateformat.moc"
