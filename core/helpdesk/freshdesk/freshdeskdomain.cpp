#include "freshdeskdomain.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace cb {

bool FreshdeskDomain::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress a(host);
    return !a.isNull() && a.isLoopback();
}

Result<FreshdeskDomain> FreshdeskDomain::normalise(const QString &input, const QString &product,
                                                   const QString &rootDomain)
{
    const auto bad = [&] {
        Error e = Error::make(
            Error::Kind::Usage,
            QCoreApplication::translate("cb::CoreMessages", "'%1' is not a %2 address; type it as yourcompany.%3.")
                .arg(input.trimmed().left(80), product, rootDomain));
        e.code = QStringLiteral("invalid_domain");
        return e;
    };
    QString text = input.trimmed();
    if (text.isEmpty())
        return bad();
    const bool hadScheme = text.contains(QLatin1String("://"));
    QUrl url = QUrl::fromUserInput(hadScheme ? text : QStringLiteral("https://") + text);
    if (!url.isValid() || url.host().isEmpty())
        return bad();
    QString host = url.host().toLower();
    const bool loopback = isLoopbackHost(host);
    if (url.scheme() == QLatin1String("http") && !loopback) {
        Error e = Error::make(Error::Kind::Usage,
                              QCoreApplication::translate("cb::CoreMessages",
                                                          "%2 is reached over HTTPS only; write https://%1 or just %1.")
                                  .arg(host, product));
        e.code = QStringLiteral("invalid_domain");
        return e;
    }
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return bad();
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    if (!loopback && !host.contains(QLatin1Char('.'))) {
        if (!label.match(host).hasMatch())
            return bad();
        host += QLatin1Char('.') + rootDomain;
    }
    static const QRegularExpression hostName(QStringLiteral("^[a-z0-9.-]+$"));
    if (!loopback && !hostName.match(host).hasMatch())
        return bad();
    FreshdeskDomain d;
    const bool plain = loopback && (url.scheme() == QLatin1String("http") || !hadScheme);
    d.apiBase.setScheme(plain ? QStringLiteral("http") : QStringLiteral("https"));
    d.apiBase.setHost(host);
    if (url.port() > 0)
        d.apiBase.setPort(url.port());
    d.apiBase.setPath(QStringLiteral("/api/v2/"));
    d.domain = url.port() > 0 ? host + QLatin1Char(':') + QString::number(url.port()) : host;
    return d;
}

} // namespace cb
