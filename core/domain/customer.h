#pragma once

#include <QString>

namespace cb {

struct Customer
{
    qint64 id = 0;
    qint64 workspaceId = 1;
    QString name;
    QString email;  // lower case
    QString domain; // a company's e-mail domain, lower case
    QString phone;
    QString phoneDigits;
    QString externalId; // e.g. "freshdesk:jane@example.com"
};

} // namespace cb
