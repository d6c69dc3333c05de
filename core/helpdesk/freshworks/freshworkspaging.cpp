#include "freshworkspaging.h"

#include "helpdesk/freshdesk/freshdeskjson.h"

#include <QHash>
#include <QRegularExpression>

namespace cb {

QUrl FreshworksPaging::nextLink(const QByteArray &link)
{
    static const QRegularExpression re(QStringLiteral("<([^>]+)>\\s*;\\s*rel=\"?next\"?"));
    const auto m = re.match(QString::fromLatin1(link));
    return m.hasMatch() ? QUrl(m.captured(1)) : QUrl();
}

QCoro::Task<Result<QJsonArray>> FreshworksPaging::collect(FreshworksTransport &transport, Send send, ReadItems read,
                                                          Error unreadable, QUrl first)
{
    QJsonArray all;
    QUrl next = first;
    for (int page = 1; next.isValid() && page <= 300; ++page) {
        auto answer = co_await send(next);
        if (!answer)
            co_return answer.error();
        const std::optional<QJsonArray> items = read(answer->body);
        if (!items)
            co_return unreadable;
        for (const QJsonValue &item : *items)
            all.append(item);
        next = nextLink(answer->header("Link"));
        if (next.isValid() && !transport.sameHost(next))
            next = QUrl(); // never send the key to another host
    }
    co_return all;
}

QString FreshworksPaging::apiTime(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QCoro::Task<Result<TicketListing>> FreshworksPaging::listTickets(FreshworksTransport &transport, Send send,
                                                                 ReadPage read, Error unreadable, TicketQuery query,
                                                                 TicketPageCallback onPage)
{
    TicketListing listing;
    QHash<qint64, qsizetype> position; // id -> index in listing.tickets
    // Without updated_since the API only returns the last 30 days: ask for all time explicitly.
    QDateTime since = query.updatedSince.isValid() ? query.updatedSince : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    bool orderByUpdate = true; // cleared if the API refuses order_by (Freshservice documents only order_type)
    const auto firstUrl = [&](const QDateTime &from) {
        QList<QPair<QString, QString>> q = {{QStringLiteral("per_page"), QStringLiteral("100")}};
        if (orderByUpdate)
            q.append({QStringLiteral("order_by"), QStringLiteral("updated_at")});
        q.append({QStringLiteral("order_type"), QStringLiteral("asc")});
        q.append({QStringLiteral("updated_since"), apiTime(from)});
        if (!query.include.isEmpty())
            q.append({QStringLiteral("include"), query.include.join(QLatin1Char(','))});
        if (!query.filter.isEmpty())
            q.append({QStringLiteral("filter"), query.filter});
        return transport.url(QStringLiteral("tickets"), q);
    };
    QUrl next = firstUrl(since);
    int pageInWindow = 0;
    while (next.isValid()) {
        auto answer = co_await send(next);
        ++listing.calls;
        if (!answer && orderByUpdate && listing.pages == 0 && answer.error().httpStatus == 400 &&
            answer.error().message.contains(QLatin1String("order_by"))) {
            // Without order_by the list comes in creation order: fine for one window; past the 300-page cap the
            // re-window below then stops with page_cap rather than skip tickets.
            orderByUpdate = false;
            next = firstUrl(since);
            continue;
        }
        if (!answer)
            co_return answer.error();
        const std::optional<QList<Ticket>> rows = read(answer->body);
        if (!rows)
            co_return unreadable;
        ++listing.pages;
        ++pageInWindow;
        QList<Ticket> page;
        QDateTime newest;
        for (const Ticket &t : *rows) {
            if (!newest.isValid() || t.updatedAt > newest)
                newest = t.updatedAt;
            const auto seen = position.constFind(t.id);
            if (seen != position.cend()) {
                if (listing.tickets.at(*seen).updatedAt >= t.updatedAt)
                    continue; // the overlap of a re-window: already have it
                listing.tickets[*seen] = t;
            } else {
                position.insert(t.id, listing.tickets.size());
                listing.tickets.append(t);
            }
            page.append(t);
        }
        if (onPage && !onPage(page, listing.pages)) {
            listing.cancelled = true;
            break;
        }
        if (query.limit && listing.tickets.size() >= *query.limit)
            break;
        next = nextLink(answer->header("Link"));
        if (next.isValid() && !transport.sameHost(next))
            next = QUrl();
        if (next.isValid() && pageInWindow >= 300) {
            // The API stops at page 300: start a new window at the newest updated_at seen (inclusive overlap).
            if (!orderByUpdate) {
                Error e = Error::make(Error::Kind::Unsupported,
                                      QStringLiteral("More than 30,000 tickets changed in this period and the "
                                                     "helpdesk cannot sort them by update time; import a shorter "
                                                     "period (a later updated-since) at a time."));
                e.code = QStringLiteral("page_cap");
                co_return e;
            }
            if (!newest.isValid() || newest <= since) {
                Error e = Error::make(Error::Kind::Internal,
                                      QStringLiteral("More than 30,000 tickets share one update time; the list "
                                                     "cannot be paged further."));
                e.code = QStringLiteral("page_cap");
                co_return e;
            }
            since = newest;
            next = firstUrl(since);
            pageInWindow = 0;
        }
    }
    if (query.limit && listing.tickets.size() > *query.limit)
        listing.tickets.resize(*query.limit);
    co_return listing;
}

} // namespace cb
