#include "safehtml.h"

#include <QRegularExpression>
#include <QSet>

namespace cb::ui {

namespace {

const QSet<QString> &allowedTags()
{
    static const QSet<QString> tags = {
        QStringLiteral("p"),          QStringLiteral("br"),  QStringLiteral("b"),    QStringLiteral("strong"),
        QStringLiteral("i"),          QStringLiteral("em"),  QStringLiteral("u"),    QStringLiteral("ul"),
        QStringLiteral("ol"),         QStringLiteral("li"),  QStringLiteral("pre"),  QStringLiteral("code"),
        QStringLiteral("blockquote"), QStringLiteral("div"), QStringLiteral("span"), QStringLiteral("h1"),
        QStringLiteral("h2"),         QStringLiteral("h3"),  QStringLiteral("h4"),   QStringLiteral("hr"),
        QStringLiteral("table"),      QStringLiteral("tr"),  QStringLiteral("td"),   QStringLiteral("th"),
    };
    return tags;
}

QString escapeText(QString text)
{
    // Entities stay as they are (&amp; reads "&"); a stray angle bracket is text, never markup.
    text.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    text.replace(QLatin1Char('>'), QLatin1String("&gt;"));
    return text;
}

} // namespace

bool SafeHtml::looksLikeHtml(const QString &text)
{
    static const QRegularExpression tag(QStringLiteral("<\\s*/?\\s*[a-zA-Z!][^>]*>"));
    return tag.match(text).hasMatch();
}

QString SafeHtml::fromHelpdesk(const QString &text)
{
    if (!looksLikeHtml(text))
        return text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"));
    QString html = text;
    // Elements whose content is never text to read go whole (an unclosed one to the end).
    static const QRegularExpression dropped(
        QStringLiteral("<\\s*(script|style|iframe|object|embed|head|title|noscript|template|svg|math|textarea|"
                       "select|frameset|frame|applet)\\b.*?(<\\s*/\\s*\\1\\s*>|$)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    html.remove(dropped);
    static const QRegularExpression comments(QStringLiteral("<!--.*?(-->|$)"),
                                             QRegularExpression::DotMatchesEverythingOption);
    html.remove(comments);
    static const QRegularExpression tag(QStringLiteral("<\\s*(/?)\\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*>"));
    QString out;
    out.reserve(html.size());
    qsizetype at = 0;
    for (QRegularExpressionMatchIterator it = tag.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += escapeText(html.mid(at, m.capturedStart() - at));
        at = m.capturedEnd();
        const QString name = m.captured(2).toLower();
        if (allowedTags().contains(name))
            out += QLatin1Char('<') + m.captured(1) + name + QLatin1Char('>'); // no attribute survives
        else if (name == QLatin1String("img"))
            out += tr("[image]").toHtmlEscaped();
    }
    out += escapeText(html.mid(at));
    return out;
}

} // namespace cb::ui
