#pragma once

#include "http/httpmessage.h"
#include "sandbox/sandboxaccount.h"

#include <functional>
#include <optional>

namespace cb {

// Freshdesk's search endpoints (freshdesk-api.md §5.4): GET /api/v2/search/tickets?query="…"&page=N and
// /api/v2/search/companies. The query is wrapped in double quotes, at most 512 characters: field:value terms
// (strings in single quotes, numbers, null, true/false; `:>` and `:<` mean ≥ and ≤ for numbers and
// 'yyyy-mm-dd' dates) joined by AND / OR (AND binds tighter) and parentheses, with spaces around the
// operators. 30 results per page, page 1..10, no Link header; the answer is {"total":N,"results":[…]}.
// Spam and deleted tickets are not indexed; results have the shape of list items (no description).
class SandboxSearch
{
public:
    using Predicate = std::function<bool(const QJsonObject &)>;

    explicit SandboxSearch(const SandboxAccount &account);

    HttpResponse tickets(const HttpRequest &r) const;
    HttpResponse companies(const HttpRequest &r) const;

    // The predicate for a ticket query (without the surrounding double quotes), or nullopt when it does not parse;
    // `error` then says which field or which part is wrong.
    static std::optional<Predicate> parseTicketQuery(const QString &query, QJsonObject *error);
    static std::optional<Predicate> parseCompanyQuery(const QString &query, QJsonObject *error);

private:
    // Validates query and page; on success fills `predicate` and `page`.
    static std::optional<HttpResponse> validate(const HttpRequest &r, bool companies, Predicate *predicate, int *page);
    static HttpResponse page(QList<QJsonObject> matches, int page);

    const SandboxAccount &m_account;
};

} // namespace cb
