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
    static Conversation conversation(const QJsonObject &o);
    static HelpdeskContact contact(const QJsonObject &o);
    static HelpdeskCompany company(const QJsonObject &o);
    static HelpdeskGroup group(const QJsonObject &o);
    static std::optional<qint64> optionalId(const QJsonValue &v);
    static QDateTime time(const QJsonValue &v);
    // "status: It should be one of these values: '2,3,4,5'; priority: …" from a validation body.
    static QString validationSummary(const QJsonObject &body);
};

} // namespace cb
