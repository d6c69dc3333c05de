#include "handoffquestion.h"

#include "integrationchoices.h"

namespace cb::ui {

QString HandoffQuestion::of(const CaseDetail &d)
{
    using Mode = IntegrationSettings::HandoffMode;
    const QString ticket = tr("ticket #%1 (%2)").arg(d.c.externalTicketId.value_or(0)).arg(d.c.subject);
    const QString helpdesk = IntegrationChoices::displayName(d.helpdeskDomain);
    QString what;
    switch (d.settings.handoff) {
    case Mode::UnassignReopen:
        what =
            tr("In %1, %2 will be unassigned and reopened for the helpdesk's people to pick up.").arg(helpdesk, ticket);
        break;
    case Mode::UnassignMarker:
        what = tr("In %1, %2 will be unassigned and its field %3 set.").arg(helpdesk, ticket, d.settings.markerField);
        break;
    case Mode::AssignAgent:
        what = tr("In %1, %2 will be assigned to %3.")
                   .arg(helpdesk, ticket, d.names.name(DirectoryKind::Agent, d.settings.handoffTargetId.value_or(0)));
        break;
    case Mode::AssignGroup:
        what = tr("In %1, %2 will be unassigned and given to the group %3.")
                   .arg(helpdesk, ticket, d.names.name(DirectoryKind::Group, d.settings.handoffTargetId.value_or(0)));
        break;
    }
    return what + QLatin1Char(' ') +
           tr("If that cannot be done, the ticket is unassigned and marked instead; it is never left with the "
              "connected agent. Hand it off now?");
}

} // namespace cb::ui
