#include "ticketidparser.h"

#include <QRegularExpression>
#include <QUrl>

namespace cb::ui {

TicketIdParser::Parsed TicketIdParser::parse(const QString &text)
{
    static const QRegularExpression token(QStringLiteral("[^\\s,;|]+"));
    static const QRegularExpression number(QStringLiteral("^#?(\\d{1,18})$"));
    static const QRegularExpression ticketPath(QStringLiteral("/tickets/(\\d{1,18})/?$"));
    Parsed out;
    auto it = token.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString t = m.captured(0);
        qint64 id = 0;
        if (const auto n = number.match(t); n.hasMatch()) {
            id = n.captured(1).toLongLong();
        } else {
            const QUrl url(t, QUrl::StrictMode);
            const bool web = url.isValid() &&
                             (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) &&
                             !url.host().isEmpty();
            if (web) {
                if (const auto p = ticketPath.match(url.path()); p.hasMatch())
                    id = p.captured(1).toLongLong();
            }
        }
        if (id > 0) {
            if (!out.ids.contains(id))
                out.ids << id;
        } else {
            out.invalid << Token{int(m.capturedStart(0)), int(m.capturedLength(0)), t};
        }
    }
    return out;
}

} // namespace cb::ui
