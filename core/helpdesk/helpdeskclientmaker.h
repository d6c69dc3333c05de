#pragma once

#include "common/result.h"

#include <QString>

#include <functional>
#include <memory>

namespace cb {

class HelpdeskClient;

// A client made for a domain and key, with the domain as the provider normalised it (host[:port]).
struct ClientHandle
{
    std::unique_ptr<HelpdeskClient> client;
    QString domain;
};

// Builds a provider's client for a domain and key ("freshdesk" | "freshservice"); the sync layer is handed one.
using HelpdeskClientMaker =
    std::function<Result<ClientHandle>(const QString &provider, const QString &domain, const QByteArray &apiKey)>;

} // namespace cb
