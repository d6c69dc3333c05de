#include "httprequestparser.h"

#include <QList>

#include <string_view>

namespace cb {

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

// Visible ASCII and obs-text, no controls: what a request target or a field value may hold (tabs only in values).
bool isClean(QByteArrayView s, bool allowTab)
{
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0x7f || (u < 0x20 && !(allowTab && c == '\t')))
            return false;
    }
    return true;
}

// host [":" port], a bracketed IPv6 literal, nothing that could change the meaning of a URL built from it.
bool isHost(QByteArrayView s)
{
    for (char c : s)
        if (!isTokenChar(c) && c != ':' && c != '[' && c != ']')
            return false;
    return !s.contains('%') && !s.contains('`') && !s.contains('|');
}

bool hasToken(QByteArrayView list, QByteArrayView token)
{
    for (const QByteArray &part : list.toByteArray().split(','))
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

qsizetype skipLeadingEmptyLines(QByteArrayView buffer)
{
    qsizetype at = 0;
    while (buffer.sliced(at).startsWith("\r\n"))
        at += 2;
    return at;
}

} // namespace

HttpHeadParse HttpRequestParser::reject(int status, const QByteArray &message)
{
    HttpHeadParse out;
    out.state = HttpHeadParse::State::Rejected;
    out.status = status;
    out.message = message;
    return out;
}

HttpHeadParse HttpRequestParser::parse(QByteArrayView buffer, const HttpLimits &limits)
{
    const qsizetype start = skipLeadingEmptyLines(buffer);
    const QByteArrayView rest = buffer.sliced(start);
    const qsizetype end = rest.indexOf("\r\n\r\n");
    const qsizetype headSize = end < 0 ? rest.size() : end + 4;
    if (headSize > limits.maxHeadBytes)
        return reject(431, "The request head is larger than " + QByteArray::number(limits.maxHeadBytes) + " bytes.");
    if (end < 0) {
        // The request line and the fields so far, each ended by a LF: too many already is too many.
        if (rest.count('\n') > limits.maxHeaderFields + 1)
            return reject(431, "The request has more than " + QByteArray::number(limits.maxHeaderFields) +
                                   " header fields.");
        // A request line that is already not HTTP need not wait for the rest.
        if (rest.contains('\n') && !rest.first(rest.indexOf('\n')).contains(" HTTP/"))
            return reject(400, "The request line is not METHOD /path HTTP/1.1.");
        return {};
    }
    HttpHeadParse out = parseComplete(rest.first(end + 2), limits);
    if (out.state == HttpHeadParse::State::Complete)
        out.headBytes = start + end + 4;
    return out;
}

HttpHeadParse HttpRequestParser::parseComplete(QByteArrayView head, const HttpLimits &limits)
{
    // Every line ends in CRLF: a bare CR or LF is how two parsers come to disagree, so it is refused.
    QList<QByteArrayView> lines;
    qsizetype from = 0;
    while (from < head.size()) {
        const qsizetype lf = head.indexOf('\n', from);
        if (lf <= from || head.at(lf - 1) != '\r')
            return reject(400, "A line of the request head does not end in CRLF.");
        const QByteArrayView line = head.sliced(from, lf - 1 - from);
        if (line.contains('\r'))
            return reject(400, "The request head holds a bare CR.");
        lines.append(line);
        from = lf + 1;
    }
    if (lines.size() - 1 > limits.maxHeaderFields)
        return reject(431,
                      "The request has more than " + QByteArray::number(limits.maxHeaderFields) + " header fields.");

    HttpHeadParse out;
    HttpRequestHead &h = out.head;
    const QList<QByteArray> parts = lines.constFirst().toByteArray().split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || !isClean(parts[1], false))
        return reject(400, "The request line is not METHOD /path HTTP/1.1.");
    h.method = parts[0];
    h.target = parts[1];
    if (parts[2] == "HTTP/1.1")
        h.minorVersion = 1;
    else if (parts[2] == "HTTP/1.0")
        h.minorVersion = 0;
    else if (parts[2].startsWith("HTTP/") && parts[2].size() == 8)
        return reject(505, "Only HTTP versions 1.1 and 1.0 are served.");
    else
        return reject(400, "The request line is not METHOD /path HTTP/1.1.");
    if (!h.target.startsWith('/'))
        return reject(400, "The request target must be a path such as /api/health.");

    int lengths = 0;
    bool transferEncoding = false;
    bool host = false;
    QByteArray connection;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        // No folded continuation lines, no space before the colon (RFC 9112 §5.1, §5.2).
        if (colon <= 0 || !isToken(line.first(colon)))
            return reject(400, "A header field of the request is malformed.");
        const QByteArray name = line.first(colon).toByteArray();
        const QByteArray value = line.sliced(colon + 1).toByteArray().trimmed();
        if (!isClean(value, true))
            return reject(400, "A header field of the request holds a control character.");
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            ++lengths;
            bool ok = value.size() <= 18 && !value.isEmpty();
            for (char c : value)
                ok = ok && c >= '0' && c <= '9';
            if (!ok)
                return reject(400, "The Content-Length is not a number of bytes.");
            h.contentLength = value.toLongLong();
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            transferEncoding = true;
        } else if (name.compare("host", Qt::CaseInsensitive) == 0) {
            if (host || !isHost(value))
                return reject(400, "The Host header is missing, repeated or malformed.");
            host = true;
        } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            connection += value + ',';
        } else if (name.compare("expect", Qt::CaseInsensitive) == 0) {
            if (value.compare("100-continue", Qt::CaseInsensitive) != 0)
                return reject(417, "Only Expect: 100-continue is understood.");
            h.expectsContinue = h.minorVersion == 1;
        }
        h.headers.append({name, value});
    }
    if (lengths > 1)
        return reject(400, "The request has more than one Content-Length.");
    if (transferEncoding && lengths > 0)
        return reject(400, "The request has both Content-Length and Transfer-Encoding.");
    if (transferEncoding)
        return reject(411, "Send the body with a Content-Length; Transfer-Encoding is not accepted.");
    if (h.minorVersion == 1 && !host)
        return reject(400, "The Host header is missing, repeated or malformed.");
    if (h.contentLength > limits.maxBodyBytes)
        return reject(413, "The body is larger than " + QByteArray::number(limits.maxBodyBytes) +
                               " bytes; send only the ticket fields.");
    h.keepAlive = h.minorVersion == 1 ? !hasToken(connection, "close") : hasToken(connection, "keep-alive");
    out.state = HttpHeadParse::State::Complete;
    return out;
}

} // namespace cb
