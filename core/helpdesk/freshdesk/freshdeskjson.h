#pragma once

#include "common/result.h"
#include "helpdesk/helpdesktypes.h"

#include <QJsonObject>

namespace cb {

// Freshdesk v2 JSON to value types. 64-bit ids; null for blank fields; unknown fields are kept in Ticket::raw.
class FreshdeskJson
{
public:
    static Ticket ticket(const QJsonObject &o);
    // Freshdesk's ticket source codes (freshdesk-api.md §5.1): 1 email, 2 portal, 3 phone, 7 chat, 9 feedback
    // widget, 10 outbound email; older 4 forum, 5 twitter, 6 facebook, 8 mobihelp.
    static QString channelOf(int source);
    static Conversation conversation(const QJsonObject &o);
    static HelpdeskContact contact(const QJsonObject &o);
    // An agent (/agents, /agents/me): its name and e-mail are in its contact.
    static HelpdeskAgent agent(const QJsonObject &o);
    static HelpdeskCompany company(const QJsonObject &o);
    static HelpdeskGroup group(const QJsonObject &o);
    static std::optional<qint64> optionalId(const QJsonValue &v);
    static QDateTime time(const QJsonValue &v);
    // "status: It should be one of these values: '2,3,4,5'; priority: …" from a validation body.
    static QString validationSummary(const QJsonObject &body);
};

} // namespace cb
