#include "sandboxsearch.h"

#include <QDate>

#include <algorithm>

namespace cb {

namespace {
constexpr int kPerPage = 30;
constexpr int kMaxPage = 10;
constexpr int kMaxQueryLength = 512;

QJsonObject fieldError(const QString &field, const QString &message, const QString &code)
{
    return {{QStringLiteral("field"), field}, {QStringLiteral("message"), message}, {QStringLiteral("code"), code}};
}

QJsonObject formatError()
{
    return fieldError(QStringLiteral("query"),
                      QStringLiteral("Given query is invalid, expected format \"keyword:value  OPERATOR "
                                     "keyword:'string' OPERATOR keyword:>'yyyy-mm-dd' OPERATOR keyword:<integer\". "
                                     "Space is mandatory between key/value pair and operator."),
                      QStringLiteral("invalid_value"));
}

struct Value
{
    QString text;
    bool quoted = false;
    bool isNull() const { return !quoted && text == QLatin1String("null"); }
};

using Predicate = SandboxSearch::Predicate;
// Builds the predicate of one `field:value` term (op is ':' for equality, '>' for ≥, '<' for ≤); nullopt when the
// value does not suit the field, or (with *known set false) when the field is not searchable.
using TermBuilder =
    std::function<std::optional<Predicate>(const QString &field, QChar op, const Value &v, bool *known)>;

int compare(double a, double b)
{
    return a < b ? -1 : a > b ? 1 : 0;
}

bool holds(QChar op, int c)
{
    return op == QLatin1Char('>') ? c >= 0 : op == QLatin1Char('<') ? c <= 0 : c == 0;
}

std::optional<Predicate> numberTerm(const QString &key, QChar op, const Value &v)
{
    if (v.isNull())
        return op == QLatin1Char(':') ? std::optional<Predicate>([key](const QJsonObject &o) {
            return o.value(key).isNull() || o.value(key).isUndefined();
        })
                                      : std::nullopt;
    bool ok = false;
    const double n = v.text.toDouble(&ok);
    if (v.quoted || !ok)
        return std::nullopt;
    return [key, op, n](const QJsonObject &o) {
        const QJsonValue x = o.value(key);
        return x.isDouble() && holds(op, compare(x.toDouble(), n));
    };
}

std::optional<Predicate> dateTerm(const QString &key, QChar op, const Value &v)
{
    if (!v.quoted || !QDate::fromString(v.text, QStringLiteral("yyyy-MM-dd")).isValid())
        return std::nullopt;
    const QString day = v.text;
    return [key, op, day](const QJsonObject &o) {
        const QString stamp = o.value(key).toString();
        return !stamp.isEmpty() && holds(op, QString::compare(stamp.left(10), day));
    };
}

std::optional<Predicate> stringTerm(const QString &key, QChar op, const Value &v)
{
    if (op != QLatin1Char(':') || (!v.quoted && !v.isNull()))
        return std::nullopt;
    if (v.isNull())
        return [key](const QJsonObject &o) { return o.value(key).toString().isEmpty(); };
    const QString want = v.text;
    return [key, want](const QJsonObject &o) {
        const QJsonValue x = o.value(key);
        if (x.isArray()) { // tags, domains: any element
            const QJsonArray a = x.toArray();
            return std::any_of(a.begin(), a.end(), [&](const QJsonValue &e) {
                return e.toString().compare(want, Qt::CaseInsensitive) == 0;
            });
        }
        return x.toString().compare(want, Qt::CaseInsensitive) == 0;
    };
}

// A custom field (cf_…): text and dropdown in quotes, number, checkbox (true/false), date ('yyyy-mm-dd'), null.
std::optional<Predicate> customTerm(const QString &name, QChar op, const Value &v)
{
    std::optional<Predicate> inner;
    if (v.quoted && QDate::fromString(v.text, QStringLiteral("yyyy-MM-dd")).isValid())
        inner = dateTerm(name, op, v);
    else if (v.quoted || v.isNull())
        inner = stringTerm(name, op, v);
    else if (v.text == QLatin1String("true") || v.text == QLatin1String("false"))
        inner = op == QLatin1Char(':')
                    ? std::optional<Predicate>([name, b = v.text == QLatin1String("true")](const QJsonObject &o) {
                          return o.value(name).isBool() && o.value(name).toBool() == b;
                      })
                    : std::nullopt;
    else
        inner = numberTerm(name, op, v);
    if (!inner)
        return std::nullopt;
    return [p = *inner](const QJsonObject &t) { return p(t.value(QStringLiteral("custom_fields")).toObject()); };
}

std::optional<Predicate> ticketTerm(const QString &field, QChar op, const Value &v, bool *known)
{
    static const QStringList numbers = {QStringLiteral("priority"), QStringLiteral("status"),
                                        QStringLiteral("group_id")};
    static const QStringList dates = {QStringLiteral("created_at"), QStringLiteral("updated_at"),
                                      QStringLiteral("due_by"), QStringLiteral("fr_due_by")};
    if (numbers.contains(field))
        return numberTerm(field, op, v);
    if (field == QLatin1String("agent_id")) // ES_KEYS: agent_id is responder_id
        return numberTerm(QStringLiteral("responder_id"), op, v);
    if (field == QLatin1String("type"))
        return stringTerm(field, op, v);
    if (field == QLatin1String("tag")) // ES_KEYS: tag is the tag list
        return stringTerm(QStringLiteral("tags"), op, v);
    if (dates.contains(field))
        return dateTerm(field, op, v);
    if (field.startsWith(QLatin1String("cf_")))
        return customTerm(field, op, v);
    *known = false;
    return std::nullopt;
}

std::optional<Predicate> companyTerm(const QString &field, QChar op, const Value &v, bool *known)
{
    if (field == QLatin1String("domain"))
        return stringTerm(QStringLiteral("domains"), op, v);
    if (field == QLatin1String("name"))
        return stringTerm(field, op, v);
    if (field == QLatin1String("created_at") || field == QLatin1String("updated_at"))
        return dateTerm(field, op, v);
    if (field.startsWith(QLatin1String("cf_")))
        return customTerm(field, op, v);
    *known = false;
    return std::nullopt;
}

// Recursive descent over: or := and (' OR ' and)* ; and := atom (' AND ' atom)* ; atom := '(' or ')' | term.
class QueryParser
{
public:
    QueryParser(const QString &text, TermBuilder term)
        : m_s(text)
        , m_term(std::move(term))
    {}

    std::optional<Predicate> parse(QJsonObject *error)
    {
        auto p = parseOr();
        skipSpaces();
        if (p && m_i != m_s.size())
            p.reset();
        if (!p && m_error.isEmpty())
            m_error = formatError();
        *error = m_error;
        return p;
    }

private:
    void skipSpaces()
    {
        while (m_i < m_s.size() && m_s.at(m_i).isSpace())
            ++m_i;
    }

    // An operator needs a space before it and a space (or a parenthesis) after it.
    bool takeOperator(QLatin1String word)
    {
        const qsizetype start = m_i;
        skipSpaces();
        const qsizetype end = m_i + word.size();
        if (m_i > start && m_s.mid(m_i, word.size()) == word && end < m_s.size() &&
            (m_s.at(end).isSpace() || m_s.at(end) == QLatin1Char('('))) {
            m_i = end;
            return true;
        }
        m_i = start;
        return false;
    }

    std::optional<Predicate> parseOr()
    {
        auto left = parseAnd();
        while (left && takeOperator(QLatin1String("OR"))) {
            auto right = parseAnd();
            if (!right)
                return std::nullopt;
            left = [a = *left, b = *right](const QJsonObject &o) { return a(o) || b(o); };
        }
        return left;
    }

    std::optional<Predicate> parseAnd()
    {
        auto left = parseAtom();
        while (left && takeOperator(QLatin1String("AND"))) {
            auto right = parseAtom();
            if (!right)
                return std::nullopt;
            left = [a = *left, b = *right](const QJsonObject &o) { return a(o) && b(o); };
        }
        return left;
    }

    std::optional<Predicate> parseAtom()
    {
        skipSpaces();
        if (m_i < m_s.size() && m_s.at(m_i) == QLatin1Char('(')) {
            ++m_i;
            auto inner = parseOr();
            skipSpaces();
            if (!inner || m_i >= m_s.size() || m_s.at(m_i) != QLatin1Char(')'))
                return std::nullopt;
            ++m_i;
            return inner;
        }
        const qsizetype start = m_i;
        while (m_i < m_s.size() && (m_s.at(m_i).isLetterOrNumber() || m_s.at(m_i) == QLatin1Char('_')))
            ++m_i;
        const QString field = m_s.mid(start, m_i - start);
        if (field.isEmpty() || m_i >= m_s.size() || m_s.at(m_i) != QLatin1Char(':'))
            return std::nullopt;
        ++m_i;
        QChar op = QLatin1Char(':');
        if (m_i < m_s.size() && (m_s.at(m_i) == QLatin1Char('>') || m_s.at(m_i) == QLatin1Char('<')))
            op = m_s.at(m_i++);
        Value v;
        if (m_i < m_s.size() && m_s.at(m_i) == QLatin1Char('\'')) {
            const qsizetype close = m_s.indexOf(QLatin1Char('\''), m_i + 1);
            if (close < 0)
                return std::nullopt;
            v = {m_s.mid(m_i + 1, close - m_i - 1), true};
            m_i = close + 1;
        } else {
            const qsizetype vs = m_i;
            while (m_i < m_s.size() && !m_s.at(m_i).isSpace() && m_s.at(m_i) != QLatin1Char(')'))
                ++m_i;
            v = {m_s.mid(vs, m_i - vs), false};
        }
        // the pair must end here: at the end, a space or a closing parenthesis
        if (v.text.isEmpty() && !v.quoted)
            return std::nullopt;
        if (m_i < m_s.size() && !m_s.at(m_i).isSpace() && m_s.at(m_i) != QLatin1Char(')'))
            return std::nullopt;
        bool known = true;
        auto p = m_term(field, op, v, &known);
        if (!known)
            m_error = fieldError(field, QStringLiteral("Unexpected/invalid field in request"),
                                 QStringLiteral("invalid_field"));
        return p; // a value that does not suit the field is the format error parse() reports
    }

    QString m_s;
    qsizetype m_i = 0;
    TermBuilder m_term;
    QJsonObject m_error;
};
} // namespace

SandboxSearch::SandboxSearch(const SandboxAccount &account)
    : m_account(account)
{}

std::optional<SandboxSearch::Predicate> SandboxSearch::parseTicketQuery(const QString &query, QJsonObject *error)
{
    return QueryParser(query, &ticketTerm).parse(error);
}

std::optional<SandboxSearch::Predicate> SandboxSearch::parseCompanyQuery(const QString &query, QJsonObject *error)
{
    return QueryParser(query, &companyTerm).parse(error);
}

std::optional<HttpResponse> SandboxSearch::validate(const HttpRequest &r, bool companies, Predicate *predicate,
                                                    int *page)
{
    QJsonArray errors;
    for (const auto &item : r.query.queryItems()) {
        if (item.first != QLatin1String("query") && item.first != QLatin1String("page"))
            errors.append(fieldError(item.first, QStringLiteral("Unexpected/invalid field in request"),
                                     QStringLiteral("invalid_field")));
    }
    bool ok = true;
    *page =
        r.query.hasQueryItem(QStringLiteral("page")) ? r.query.queryItemValue(QStringLiteral("page")).toInt(&ok) : 1;
    if (!ok || *page < 1 || *page > kMaxPage)
        errors.append(
            fieldError(QStringLiteral("page"),
                       QStringLiteral("It should be a Positive Integer less than or equal to %1").arg(kMaxPage),
                       QStringLiteral("invalid_value")));
    // '+' is a space in a query string (what browsers and most clients send).
    const QString raw = QUrl::fromPercentEncoding(r.query.queryItemValue(QStringLiteral("query"), QUrl::FullyEncoded)
                                                      .replace(QLatin1Char('+'), QLatin1String("%20"))
                                                      .toUtf8());
    if (!r.query.hasQueryItem(QStringLiteral("query")) || raw.isEmpty()) {
        errors.append(fieldError(QStringLiteral("query"), QStringLiteral("Mandatory attribute missing"),
                                 QStringLiteral("missing_field")));
    } else if (raw.size() < 2 || !raw.startsWith(QLatin1Char('"')) || !raw.endsWith(QLatin1Char('"'))) {
        errors.append(formatError());
    } else if (raw.size() - 2 > kMaxQueryLength) {
        errors.append(fieldError(QStringLiteral("query"),
                                 QStringLiteral("Has %1 characters, it can have maximum of %2 characters")
                                     .arg(raw.size() - 2)
                                     .arg(kMaxQueryLength),
                                 QStringLiteral("invalid_value")));
    } else {
        QJsonObject error;
        const QString inner = raw.mid(1, raw.size() - 2);
        auto p = companies ? parseCompanyQuery(inner, &error) : parseTicketQuery(inner, &error);
        if (p)
            *predicate = *p;
        else
            errors.append(error);
    }
    if (errors.isEmpty())
        return std::nullopt;
    return HttpResponse::json(400, QJsonObject{{QStringLiteral("description"), QStringLiteral("Validation failed")},
                                               {QStringLiteral("errors"), errors}});
}

HttpResponse SandboxSearch::page(QList<QJsonObject> matches, int page)
{
    QJsonArray results;
    const qsizetype from = qsizetype(page - 1) * kPerPage;
    for (qsizetype i = from; i < std::min<qsizetype>(matches.size(), from + kPerPage); ++i)
        results.append(matches.at(i));
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("total"), qint64(matches.size())}, {QStringLiteral("results"), results}});
}

HttpResponse SandboxSearch::tickets(const HttpRequest &r) const
{
    Predicate predicate;
    int pageNo = 1;
    if (auto bad = validate(r, false, &predicate, &pageNo))
        return *bad;
    QList<QJsonObject> matches;
    for (const QJsonObject &t : std::as_const(m_account.tickets)) {
        if (t.value(QStringLiteral("spam")).toBool() || t.value(QStringLiteral("deleted")).toBool() || !predicate(t))
            continue;
        QJsonObject item = t; // the shape of a list item
        item.remove(QStringLiteral("description"));
        item.remove(QStringLiteral("description_text"));
        matches.append(item);
    }
    // newest first, as the list's default order
    std::stable_sort(matches.begin(), matches.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const QString ca = a.value(QStringLiteral("created_at")).toString();
        const QString cb = b.value(QStringLiteral("created_at")).toString();
        return ca != cb ? ca > cb
                        : a.value(QStringLiteral("id")).toInteger() > b.value(QStringLiteral("id")).toInteger();
    });
    return page(std::move(matches), pageNo);
}

HttpResponse SandboxSearch::companies(const HttpRequest &r) const
{
    Predicate predicate;
    int pageNo = 1;
    if (auto bad = validate(r, true, &predicate, &pageNo))
        return *bad;
    QList<QJsonObject> matches;
    for (const QJsonObject &c : std::as_const(m_account.companies)) {
        if (predicate(c))
            matches.append(c);
    }
    return page(std::move(matches), pageNo);
}

} // namespace cb
