#pragma once

#include <QString>

namespace cb {

// A connected (active) helpdesk as a viewer offers it for choosing: import target, sync-log filter, settings.
struct IntegrationChoice
{
    QString id;
    QString domain;
    QString provider; // freshdesk | freshservice

    bool operator==(const IntegrationChoice &other) const = default;
};

} // namespace cb
