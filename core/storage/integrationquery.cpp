#include "integrationquery.h"

#include "common/clock.h"
#include "storage/integrationstore.h"
#include "storage/namedirectory.h"

namespace cb {

IntegrationQuery::IntegrationQuery(Database &db)
    : m_db(db)
{}

// The stores' own readers, so a row reads the same here as on the sync thread; only their reads are offered.
Result<Integration> IntegrationQuery::get(const QString &integrationId) const
{
    return IntegrationStore(m_db, Clock::system()).get(integrationId);
}

Result<DirectoryNames> IntegrationQuery::names(const QString &integrationId) const
{
    return NameDirectory(m_db, Clock::system()).forIntegration(integrationId);
}

} // namespace cb
