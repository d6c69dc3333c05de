#include <QDirIterator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

// The console reads the store only through the typed queries of core/storage (DESIGN.md §1, "Layers"): no file
// under ui/ includes Qt Sql or names its classes, includes a store (only storage/*query.h and the connection
// handle), calls Database::exec/scalar or holds SQL in a string literal, and ui/'s CMake links no Qt Sql of its own. A
// planted sample proves the scanner finds each of those.
namespace {

struct Literal
{
    int line = 0;
    QString text; // adjacent literals ("SELECT a " "FROM b") joined, as the compiler joins them
};

struct Lexed
{
    QString code; // the source with comments blanked and literal contents blanked (quotes kept)
    QList<Literal> literals;
};

bool isIdent(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

Lexed lex(const QString &src)
{
    Lexed out;
    out.code.reserve(src.size());
    int line = 1;
    bool joinNext = false; // only blanks and comments since the last literal ended
    const auto blank = [&](QChar c) {
        if (c == QLatin1Char('\n'))
            ++line;
        out.code += c == QLatin1Char('\n') ? c : QLatin1Char(' ');
    };
    const auto addLiteral = [&](int at, const QString &text) {
        if (joinNext && !out.literals.isEmpty())
            out.literals.last().text += text;
        else
            out.literals << Literal{at, text};
        joinNext = true;
    };
    const int n = int(src.size());
    int i = 0;
    while (i < n) {
        const QChar c = src.at(i);
        const QChar next = i + 1 < n ? src.at(i + 1) : QChar();
        if (c == QLatin1Char('/') && next == QLatin1Char('/')) {
            while (i < n && src.at(i) != QLatin1Char('\n'))
                blank(src.at(i++));
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const int end = src.indexOf(QLatin1String("*/"), i + 2);
            const int stop = end < 0 ? n : end + 2;
            while (i < stop)
                blank(src.at(i++));
        } else if (c == QLatin1Char('R') && next == QLatin1Char('"') &&
                   (i == 0 || !isIdent(src.at(i - 1)) || src.mid(i - 1, 1) == QLatin1String("L") ||
                    src.mid(i - 1, 1) == QLatin1String("u") || src.mid(i - 1, 1) == QLatin1String("U") ||
                    src.mid(i - 2, 2) == QLatin1String("u8"))) {
            const int open = src.indexOf(QLatin1Char('('), i + 2);
            const QString delim = open < 0 ? QString() : src.mid(i + 2, open - i - 2);
            const QString close = QLatin1Char(')') + delim + QLatin1Char('"');
            const int end = open < 0 ? -1 : src.indexOf(close, open + 1);
            const int stop = end < 0 ? n : end + int(close.size());
            const int at = line;
            const QString text = open < 0 ? QString() : src.mid(open + 1, (end < 0 ? n : end) - open - 1);
            out.code += QStringLiteral("R\"");
            i += 2;
            while (i < stop - 1)
                blank(src.at(i++));
            out.code += QLatin1Char('"');
            i = stop;
            addLiteral(at, text);
        } else if (c == QLatin1Char('"')) {
            const int at = line;
            QString text;
            out.code += c;
            ++i;
            while (i < n && src.at(i) != QLatin1Char('"') && src.at(i) != QLatin1Char('\n')) {
                if (src.at(i) == QLatin1Char('\\') && i + 1 < n) {
                    text += src.at(i + 1) == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : src.at(i + 1);
                    blank(src.at(i++));
                } else {
                    text += src.at(i);
                }
                blank(src.at(i++));
            }
            if (i < n && src.at(i) == QLatin1Char('"'))
                out.code += src.at(i++);
            addLiteral(at, text);
        } else if (c == QLatin1Char('\'') && !(i > 0 && src.at(i - 1).isDigit() && next.isLetterOrNumber())) {
            out.code += c; // a character literal (not a digit separator such as 1'000)
            ++i;
            while (i < n && src.at(i) != QLatin1Char('\'') && src.at(i) != QLatin1Char('\n')) {
                if (src.at(i) == QLatin1Char('\\') && i + 1 < n)
                    blank(src.at(i++));
                blank(src.at(i++));
            }
            if (i < n && src.at(i) == QLatin1Char('\''))
                out.code += src.at(i++);
            joinNext = false;
        } else {
            if (!c.isSpace())
                joinNext = false;
            out.code += c;
            if (c == QLatin1Char('\n'))
                ++line;
            ++i;
        }
    }
    return out;
}

// SQL as this project writes it (upper-case keywords) or any statement shape in lower case; a sentence such as
// "Select a row to see what changed." is not SQL.
const QList<QRegularExpression> &sqlPatterns()
{
    static const QList<QRegularExpression> patterns = [] {
        const QStringList upper = {
            QStringLiteral("\\bSELECT\\b"),
            QStringLiteral("\\bINSERT\\s+(OR\\s+\\w+\\s+)?INTO\\b"),
            QStringLiteral("\\bUPDATE\\s+\\w+\\s+SET\\b"),
            QStringLiteral("\\bDELETE\\s+FROM\\b"),
            QStringLiteral("\\b(CREATE|DROP|ALTER)\\s+(TABLE|INDEX|UNIQUE|TRIGGER|VIEW)\\b"),
            QStringLiteral("\\bFROM\\s+\\w+"),
            QStringLiteral("\\bWHERE\\b"),
            QStringLiteral("\\b(LEFT\\s+|INNER\\s+)?JOIN\\s+\\w+"),
            QStringLiteral("\\b(ORDER|GROUP)\\s+BY\\b"),
            QStringLiteral("\\bRETURNING\\b"),
            QStringLiteral("\\bON\\s+CONFLICT\\b"),
            QStringLiteral("\\bPRAGMA\\b"),
            QStringLiteral("\\bBEGIN\\s+IMMEDIATE\\b"),
        };
        const QStringList anyCase = {
            QStringLiteral("\\bselect\\s+(\\*|count\\s*\\(|max\\s*\\(|min\\s*\\(|distinct\\b|[\\w.]+\\s*,\\s*[\\w.]+)"),
            QStringLiteral("\\bselect\\b.*\\bfrom\\s+\\w+\\s*(\\w+\\s*)?(where|order|group|limit|join|left)\\b"),
            QStringLiteral("\\binsert\\s+into\\s+\\w+"),
            QStringLiteral("\\bdelete\\s+from\\s+\\w+"),
            QStringLiteral("\\bupdate\\s+\\w+\\s+set\\s+\\w+\\s*="),
            QStringLiteral(
                "\\bwhere\\s+[\\w.]+\\s*(=|<>|!=|<=|>=|<|>|\\bin\\s*\\(|\\blike\\b|\\bis\\s+(not\\s+)?null\\b)"),
            QStringLiteral("\\bpragma\\s+\\w+"),
        };
        QList<QRegularExpression> out;
        for (const QString &p : upper)
            out << QRegularExpression(p);
        for (const QString &p : anyCase)
            out << QRegularExpression(p, QRegularExpression::CaseInsensitiveOption |
                                             QRegularExpression::DotMatchesEverythingOption);
        return out;
    }();
    return patterns;
}

// Code that reaches SQL: Qt Sql's classes, Database::exec/scalar with a statement, the store's SQL-value
// conversions (sql::).
const QList<QRegularExpression> &codePatterns()
{
    static const QList<QRegularExpression> patterns = {
        QRegularExpression(QStringLiteral("\\bQSql\\w*")),
        QRegularExpression(QStringLiteral("(\\.|->)\\s*scalar\\s*\\(")),
        QRegularExpression(QStringLiteral("(\\.|->)\\s*exec\\s*\\(\\s*(QStringLiteral\\s*\\(|QString\\s*\\(|"
                                          "QLatin1String\\s*\\(|u?\"|R\"|sql\\b|query\\b|statement\\b)")),
        QRegularExpression(QStringLiteral("\\bsql::\\w+")),
    };
    return patterns;
}

// Include directives of Qt Sql, of the store's SQL-value conversions, or of any storage header but the read-only
// queries (storage/*query.h) and the connection handle (database.h, databaselocation.h): the stores write, and the
// console writes only through the sync thread. Matched on the source as written (the lexed code has the quoted
// names blanked); built from parts so that moc, which scans this file, sees no directive here.
const QRegularExpression &includePattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^[ \\t]*#") +
            QStringLiteral("[ \\t]*include[ \\t]*[<\"](QtSql|QSql\\w*|storage/(?!\\w+query\\.h[\">]|database\\.h[\">]|"
                           "databaselocation\\.h[\">])[\\w/]+\\.h)"),
        QRegularExpression::MultilineOption);
    return pattern;
}

int lineAt(const QString &text, qsizetype offset)
{
    return int(QStringView(text).left(offset).count(QLatin1Char('\n'))) + 1;
}

// "file:line: what" for every finding in one source file.
QStringList scanSource(const QString &name, const QString &source)
{
    QStringList found;
    const Lexed lexed = lex(source);
    auto includes = includePattern().globalMatch(source);
    while (includes.hasNext()) {
        const auto m = includes.next();
        found
            << QStringLiteral("%1:%2: %3").arg(name).arg(lineAt(source, m.capturedStart())).arg(m.captured().trimmed());
    }
    for (const QRegularExpression &re : codePatterns()) {
        auto it = re.globalMatch(lexed.code);
        while (it.hasNext()) {
            const auto m = it.next();
            found << QStringLiteral("%1:%2: %3")
                         .arg(name)
                         .arg(lineAt(lexed.code, m.capturedStart()))
                         .arg(m.captured().simplified());
        }
    }
    for (const Literal &literal : lexed.literals) {
        for (const QRegularExpression &re : sqlPatterns()) {
            const auto m = re.match(literal.text);
            if (m.hasMatch()) {
                found << QStringLiteral("%1:%2: SQL in a string (%3): \"%4\"")
                             .arg(name)
                             .arg(literal.line)
                             .arg(m.captured(), literal.text.left(80));
                break;
            }
        }
    }
    return found;
}

// "file:line: what" for a CMake file that links Qt Sql itself.
QStringList scanCMake(const QString &name, const QString &text)
{
    QStringList found;
    static const QRegularExpression sql(QStringLiteral("\\bQt[56]?::Sql\\b|\\bCOMPONENTS\\b[^)]*\\bSql\\b"));
    auto it = sql.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        found << QStringLiteral("%1:%2: links Qt Sql: %3")
                     .arg(name)
                     .arg(lineAt(text, m.capturedStart()))
                     .arg(m.captured());
    }
    return found;
}

struct TreeScan
{
    int files = 0;
    QStringList findings;
};

TreeScan scanTree(const QString &root)
{
    TreeScan scan;
    QDirIterator it(root,
                    {QStringLiteral("*.h"), QStringLiteral("*.cpp"), QStringLiteral("*.hpp"), QStringLiteral("*.cc"),
                     QStringLiteral("*.ui"), QStringLiteral("CMakeLists.txt"), QStringLiteral("*.cmake")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            scan.findings << path + QStringLiteral(": unreadable");
            continue;
        }
        const QString text = QString::fromUtf8(f.readAll());
        const QString name = QDir(root).relativeFilePath(path);
        ++scan.files;
        if (path.endsWith(QLatin1String(".txt")) || path.endsWith(QLatin1String(".cmake")))
            scan.findings << scanCMake(name, text);
        else
            scan.findings << scanSource(name, text);
    }
    return scan;
}

void plant(const QDir &dir, const QString &name, const QString &text)
{
    QFile f(dir.filePath(name));
    QVERIFY(dir.mkpath(QFileInfo(f.fileName()).path()));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.toUtf8());
}

const QString hashInclude = QStringLiteral("#") + QStringLiteral("include ");

} // namespace

class TestUiNoSql : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uiTreeRunsNoSql()
    {
        const TreeScan scan = scanTree(QStringLiteral(CB_SOURCE_DIR "/ui"));
        QVERIFY2(scan.files > 40, "the ui/ tree was not found");
        for (const QString &finding : scan.findings) // all of them: a failure message is cut short
            qWarning("%s", qPrintable(finding));
        QVERIFY2(scan.findings.isEmpty(),
                 qPrintable(QStringLiteral("%1 finding(s) of SQL under ui/ (read through a "
                                           "query class in core/storage instead), the first: %2")
                                .arg(scan.findings.size())
                                .arg(scan.findings.value(0))));
    }

    void scannerFindsPlantedSql()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QDir dir(tmp.path());
        // Each planted file holds one kind of offence; every one must be found, in its file.
        plant(dir, QStringLiteral("include.cpp"), hashInclude + QStringLiteral("<QSqlQuery>\nint x;\n"));
        plant(dir, QStringLiteral("module.h"), hashInclude + QStringLiteral("<QtSql/QtSql>\n"));
        plant(dir, QStringLiteral("sub/record.cpp"), QStringLiteral("void f(const QSqlRecord &r);\n"));
        plant(dir, QStringLiteral("values.cpp"),
              hashInclude + QStringLiteral("\"storage/sqlvalues.h\"\nauto t = sql::toTime(v);\n"));
        plant(dir, QStringLiteral("store.cpp"),
              hashInclude + QStringLiteral("\"storage/casestore.h\"\n") + hashInclude +
                  QStringLiteral("\"storage/namedirectory.h\"\n"));
        plant(dir, QStringLiteral("scalar.cpp"), QStringLiteral("auto n = m_db->scalar(kCount, {id});\n"));
        plant(dir, QStringLiteral("split.cpp"),
              QStringLiteral("auto q = db.run(QStringLiteral(\"SELECT i.id \"\n    \"FROM webhook_inbox i\"));\n"));
        plant(dir, QStringLiteral("lower.cpp"),
              QStringLiteral("const char *s = \"delete from outbox where id = ?\";\n"));
        plant(dir, QStringLiteral("raw.cpp"), QStringLiteral("auto s = R\"x(update cases set status = 'open')x\";\n"));
        plant(dir, QStringLiteral("where.cpp"),
              QStringLiteral("QString w = u\"state IN ('dead') AND id > ?\"_s + "
                             "QStringLiteral(\" where id = ?\");\n"));
        plant(dir, QStringLiteral("CMakeLists.txt"),
              QStringLiteral("target_link_libraries(casebridge_ui PUBLIC casebridge_core Qt6::Sql)\n"));
        // Not SQL: English in tr(), comments, a dialog's exec(), SQL words in a comment.
        plant(dir, QStringLiteral("clean.cpp"),
              QStringLiteral("// SELECT id FROM cases WHERE id = ? is only a comment here\n"
                             "/* INSERT INTO x */ auto a = tr(\"Select a row to see what changed.\");\n"
                             "auto b = tr(\"Select one event to see what was received.\");\n"
                             "auto c = tr(\"Pick the helpdesk from the list, then update the case.\");\n"
                             "int n = 1'000; char q = '\"'; dialog.exec(); menu->exec(pos);\n"
                             "auto d = tr(\"Delete these in %1, which would otherwise keep calling.\");\n"));
        plant(dir, QStringLiteral("clean/reads.cpp"),
              hashInclude + QStringLiteral("\"storage/caselistquery.h\"\n") + hashInclude +
                  QStringLiteral("\"storage/database.h\"\n") + hashInclude +
                  QStringLiteral("\"storage/databaselocation.h\"\n"));
        plant(dir, QStringLiteral("clean/CMakeLists.txt"),
              QStringLiteral("target_link_libraries(casebridge_ui PUBLIC casebridge_core Qt6::Widgets)\n"));

        const TreeScan scan = scanTree(tmp.path());
        QCOMPARE(scan.files, 14);
        const QString all = scan.findings.join(QLatin1Char('\n'));
        for (const char *file : {"include.cpp:1", "module.h:1", "sub/record.cpp:1", "values.cpp:1", "values.cpp:2",
                                 "store.cpp:1", "store.cpp:2", "scalar.cpp:1", "split.cpp:1", "lower.cpp:1",
                                 "raw.cpp:1", "where.cpp:1", "CMakeLists.txt:1"})
            QVERIFY2(all.contains(QLatin1String(file) + QLatin1Char(':')),
                     qPrintable(QStringLiteral("%1 not found in:\n%2").arg(QLatin1String(file), all)));
        QVERIFY2(!all.contains(QLatin1String("clean")), qPrintable(all));
        // Joined as the compiler joins them: the split statement is reported once, whole.
        QVERIFY2(all.contains(QLatin1String("SELECT i.id FROM webhook_inbox i")), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestUiNoSql)
#include "tst_uinosql.moc"
