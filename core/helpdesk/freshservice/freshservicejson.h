#pragma once

#include "helpdesk/helpdesktypes.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cb {

// Freshservice v2 JSON to value types. Tickets and conversations have Freshdesk's field names (FreshdeskJson), but
// every body is wrapped ({"ticket":{…}}, {"tickets":[…]}), people are split into requesters and agents with
// first_name/last_name, and companies are departments.
class FreshserviceJson
{
public:
    // The object or array under `key`; an undefined value when the body is not wrapped that way.
    static QJsonValue unwrap(const QJsonDocument &doc, const QString &key);
    // A ticket: Freshdesk's common fields, then Freshservice's own: its source codes, department_id as the
    // company, the requester as Freshservice embeds it, and urgency/impact/category… in providerFields.
    static Ticket ticket(const QJsonObject &o);
    // Freshservice's ticket source codes (freshdesk-api.md §8): 1 email, 2 portal, 3 phone, 4 chat, 5 feedback
    // widget, 6 yammer, 7 aws_cloudwatch, 8 pagerduty, 9 walkup, 10 slack.
    static QString channelOf(int source);
    static HelpdeskAgent agent(const QJsonObject &o);
    static HelpdeskContact requester(const QJsonObject &o);
    static HelpdeskCompany department(const QJsonObject &o);
    // "Account Admin" / "Admin" (Freshservice), or the Freshdesk names the same account may show.
    static bool isAdminRoleName(const QString &name);
};

} // namespace cb
