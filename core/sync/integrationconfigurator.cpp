#include "integrationconfigurator.h"

#include "common/logging.h"
#include "storage/database.h"
#include "storage/integrationstore.h"
#include "storage/namedirectory.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace cb {

namespace {
constexpr int MinReconcileSec = 30;
constexpr int MaxReconcileSec = 24 * 3600;
constexpr int MaxFooter = 1000;
} // namespace

IntegrationConfigurator::IntegrationConfigurator(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

Status IntegrationConfigurator::validate(const IntegrationSettings &s, const DirectoryNames &directory,
                                         const IntegrationSettings *before, std::optional<qint64> signedInAgentId)
{
    const auto usage = [](const QString &message) { return Error::make(Error::Kind::Usage, message); };
    const bool sameIntake = before && before->intake == s.intake && before->defaultGroupId == s.defaultGroupId;
    const bool sameHandoff = before && before->handoff == s.handoff && before->handoffTargetId == s.handoffTargetId;
    if (!sameIntake && s.intake == IntegrationSettings::Intake::Group &&
        (!s.defaultGroupId || !directory.find(DirectoryKind::Group, *s.defaultGroupId)))
        return usage(QCoreApplication::translate(
                         "cb::CoreMessages", "The account has no group %1; choose one of its groups (`configure` lists "
                                             "them when the id is wrong).")
                         .arg(s.defaultGroupId.value_or(0)));
    if (!sameHandoff && s.handoff == IntegrationSettings::HandoffMode::AssignAgent &&
        (!s.handoffTargetId || !directory.find(DirectoryKind::Agent, *s.handoffTargetId)))
        return usage(QCoreApplication::translate(
                         "cb::CoreMessages", "The account has no agent %1 to hand off to; choose one of its agents.")
                         .arg(s.handoffTargetId.value_or(0)));
    if (!sameHandoff && s.handoff == IntegrationSettings::HandoffMode::AssignAgent && signedInAgentId &&
        s.handoffTargetId == signedInAgentId)
        return usage(QCoreApplication::translate("cb::CoreMessages",
                                                 "Agent %1 is the one Casebridge signs in as; a hand-off gives the "
                                                 "ticket to people, so choose another agent, a group or unassign.")
                         .arg(*signedInAgentId));
    if (!sameHandoff && s.handoff == IntegrationSettings::HandoffMode::AssignGroup &&
        (!s.handoffTargetId || !directory.find(DirectoryKind::Group, *s.handoffTargetId)))
        return usage(QCoreApplication::translate(
                         "cb::CoreMessages", "The account has no group %1 to hand off to; choose one of its groups.")
                         .arg(s.handoffTargetId.value_or(0)));
    static const QRegularExpression field(QStringLiteral("^[A-Za-z0-9_]{1,64}$"));
    if (!field.match(s.markerField).hasMatch())
        return usage(
            QCoreApplication::translate("cb::CoreMessages",
                                        "The marker field '%1' is not a custom field name; use its API name, such as "
                                        "cf_casebridge_handoff.")
                .arg(s.markerField));
    if (s.footer.size() > MaxFooter)
        return usage(
            QCoreApplication::translate("cb::CoreMessages", "The footer is longer than %1 characters; shorten it.")
                .arg(MaxFooter));
    if (s.reconcileIntervalSec < MinReconcileSec || s.reconcileIntervalSec > MaxReconcileSec)
        return usage(
            QCoreApplication::translate("cb::CoreMessages", "The reconcile interval must be between 30s and 24h."));
    return Ok{};
}

Result<IntegrationSettings> IntegrationConfigurator::current(const QString &integrationId)
{
    auto integration = IntegrationStore(m_db, m_clock).get(integrationId);
    if (!integration)
        return integration.error();
    return IntegrationSettings::fromJson(integration->settings);
}

Status IntegrationConfigurator::save(const QString &integrationId, const IntegrationSettings &settings)
{
    WriteTransaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    IntegrationStore store(m_db, m_clock);
    auto integration = store.get(integrationId);
    if (!integration)
        return integration.error();
    if (integration->state != QLatin1String("active"))
        return Error::make(
            Error::Kind::Usage,
            QCoreApplication::translate("cb::CoreMessages",
                                        "Integration %1 is disconnected; connect the account again to change its "
                                        "settings.")
                .arg(integrationId));
    auto names = NameDirectory(m_db, m_clock).forIntegration(integrationId);
    if (!names)
        return names.error();
    const IntegrationSettings before = IntegrationSettings::fromJson(integration->settings);
    if (auto st = validate(settings, *names, &before, integration->agentId); !st)
        return st;
    QJsonObject merged = integration->settings;
    if (settings.intake != IntegrationSettings::Intake::Group && !settings.defaultGroupId)
        merged.remove(QStringLiteral("default_group_id"));
    const QJsonObject own = settings.toJson();
    for (auto it = own.begin(); it != own.end(); ++it)
        merged.insert(it.key(), it.value());
    if (merged == integration->settings)
        return tx.commit();
    integration->settings = merged;
    if (auto st = store.update(*integration); !st)
        return st;
    qCInfo(lcSync) << "settings of integration" << integrationId << "changed";
    return tx.commit();
}

} // namespace cb
