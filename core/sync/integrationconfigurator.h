#pragma once

#include "common/result.h"
#include "domain/integrationsettings.h"

#include <optional>

namespace cb {

class Clock;
class Database;
class DirectoryNames;

// Changes an integration's settings after connect. The agents and groups a setting names must exist in the
// account's directory; only the settings' own keys change (receiver_base_url and the like are kept), and the
// write to integrations is what a running serve or console follows within a second.
class IntegrationConfigurator
{
public:
    IntegrationConfigurator(Database &db, const Clock &clock);

    // A Usage error naming the first bad choice, or Ok. Agents and groups already chosen in `before` are not
    // checked again (an account's directory may not have been read yet). A hand-off never goes to
    // `signedInAgentId`, the agent whose key Casebridge uses: it gives the ticket to people.
    static Status validate(const IntegrationSettings &settings, const DirectoryNames &directory,
                           const IntegrationSettings *before = nullptr,
                           std::optional<qint64> signedInAgentId = std::nullopt);
    Result<IntegrationSettings> current(const QString &integrationId);
    // Validates against the stored directory of the integration's account, then saves.
    Status save(const QString &integrationId, const IntegrationSettings &settings);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace cb
