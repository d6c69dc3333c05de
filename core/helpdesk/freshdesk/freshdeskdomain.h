#pragma once

#include "common/result.h"

#include <QUrl>

namespace cb {

// A Freshdesk account's address from what people type or paste: "acme", "acme.freshdesk.com",
// "https://acme.freshdesk.com/a/tickets/12". HTTPS always; plain HTTP only to loopback hosts (the sandbox, tests).
struct FreshdeskDomain
{
    QUrl apiBase;   // e.g. https://acme.freshdesk.com/api/v2/
    QString domain; // host[:port], as stored in integrations.domain

    // `product` and `rootDomain` name the Freshworks product: Freshservice accounts are {name}.freshservice.com.
    static Result<FreshdeskDomain> normalise(const QString &input, const QString &product = QStringLiteral("Freshdesk"),
                                             const QString &rootDomain = QStringLiteral("freshdesk.com"));
    static bool isLoopbackHost(const QString &host);
};

} // namespace cb
