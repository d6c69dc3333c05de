#include "directoryrefresher.h"

#include "common/logging.h"
#include "domain/integration.h"
#include "helpdesk/helpdeskclient.h"
#include "storage/database.h"
#include "storage/namedirectory.h"

namespace cb {

DirectoryRefresher::DirectoryRefresher(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

QCoro::Task<Result<DirectoryCounts>> DirectoryRefresher::refresh(Integration integration, HelpdeskClient *client)
{
    if (!client)
        co_return Error::make(Error::Kind::Unavailable,
                              QStringLiteral("The helpdesk of integration %1 is not reachable yet; try again in a "
                                             "moment.")
                                  .arg(integration.id));
    const qint64 callsBefore = client->usage().totalCalls;
    auto agents = co_await client->listAgents();
    if (!agents)
        co_return agents.error();
    auto groups = co_await client->listGroups();
    if (!groups)
        co_return groups.error();
    auto companies = co_await client->listCompanies();
    if (!companies)
        co_return companies.error();

    QList<DirectoryEntry> agentRows;
    for (const HelpdeskAgent &a : std::as_const(*agents))
        agentRows << DirectoryEntry{a.id, a.name, a.email};
    QList<DirectoryEntry> groupRows;
    for (const HelpdeskGroup &g : std::as_const(*groups))
        groupRows << DirectoryEntry{g.id, g.name, {}};
    QList<DirectoryEntry> companyRows;
    for (const HelpdeskCompany &c : std::as_const(*companies))
        companyRows << DirectoryEntry{c.id, c.name, {}};

    WriteTransaction tx(m_db);
    if (!tx.started())
        co_return tx.started().error();
    NameDirectory directory(m_db, m_clock);
    for (const auto &[kind, rows] :
         {std::pair{DirectoryKind::Agent, agentRows}, std::pair{DirectoryKind::Group, groupRows},
          std::pair{DirectoryKind::Company, companyRows}}) {
        if (auto st = directory.replace(integration.provider, integration.domain, kind, rows); !st)
            co_return st.error();
    }
    if (auto st = tx.commit(); !st)
        co_return st.error();
    DirectoryCounts counts;
    counts.agents = int(agentRows.size());
    counts.groups = int(groupRows.size());
    counts.companies = int(companyRows.size());
    counts.calls = int(client->usage().totalCalls - callsBefore);
    qCInfo(lcSync) << "directory of" << integration.domain << "refreshed:" << counts.agents << "agents,"
                   << counts.groups << "groups," << counts.companies << "companies";
    co_return counts;
}

} // namespace cb
