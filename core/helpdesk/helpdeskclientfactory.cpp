#include "helpdeskclientfactory.h"

#include "helpdesk/freshdesk/freshdeskclient.h"
#include "helpdesk/freshservice/freshserviceclient.h"

namespace cb {

HelpdeskClientMaker makeHelpdeskClientMaker(QNetworkAccessManager *nam)
{
    return [nam](const QString &provider, const QString &domain, const QByteArray &apiKey) -> Result<ClientHandle> {
        if (provider == QLatin1String("freshservice")) {
            auto d = FreshserviceClient::normaliseDomain(domain);
            if (!d)
                return d.error();
            ClientHandle h;
            h.domain = d->domain;
            h.client = std::make_unique<FreshserviceClient>(nam, *d, apiKey);
            return h;
        }
        if (provider != QLatin1String("freshdesk"))
            return Error::make(
                Error::Kind::Usage,
                QStringLiteral("'%1' is not a supported helpdesk; use freshdesk or freshservice.").arg(provider));
        auto d = FreshdeskDomain::normalise(domain);
        if (!d)
            return d.error();
        ClientHandle h;
        h.domain = d->domain;
        h.client = std::make_unique<FreshdeskClient>(nam, *d, apiKey);
        return h;
    };
}

} // namespace cb
