#pragma once

#include "common/result.h"
#include "helpdesk/helpdeskclient.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace cb {

// A client made for a domain and key, with the domain as the provider normalised it (host[:port]).
struct ClientHandle
{
    std::unique_ptr<HelpdeskClient> client;
    QString domain;
};

// Makes the client of a provider ("freshdesk", "freshservice") for a domain and key: real ones
// (makeHelpdeskClientMaker), the sandbox's, or a test's fakes.
using HelpdeskClientMaker =
    std::function<Result<ClientHandle>(const QString &provider, const QString &domain, const QByteArray &apiKey)>;

} // namespace cb
