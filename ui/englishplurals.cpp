#include "englishplurals.h"

#include <QRegularExpression>

namespace cb::ui {

EnglishPlurals::EnglishPlurals(QObject *parent)
    : QTranslator(parent)
{}

QString EnglishPlurals::settle(const QString &source, int n)
{
    static const QRegularExpression counted(QStringLiteral("%n ((?:[\\w-]+ )?[\\w-]+)\\(s\\)"));
    const QRegularExpressionMatch m = counted.match(source);
    if (!m.hasMatch())
        return {};
    QString out = source;
    out.replace(m.capturedStart(), m.capturedLength(),
                QStringLiteral("%n ") + m.captured(1) + (n == 1 ? QString() : QStringLiteral("s")));
    return out;
}

QString EnglishPlurals::translate(const char *context, const char *sourceText, const char *disambiguation, int n) const
{
    Q_UNUSED(context)
    Q_UNUSED(disambiguation)
    if (n < 0 || !sourceText)
        return {};
    return settle(QString::fromUtf8(sourceText), n);
}

} // namespace cb::ui
