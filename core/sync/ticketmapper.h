#pragma once

#include "common/result.h"
#include "domain/case.h"
#include "domain/ticket.h"
#include "domain/ticketvocabulary.h"

#include <QJsonObject>

namespace cb {

// Translates between a helpdesk ticket (Freshdesk field names and ids) and a case (store names).
// Remote state keeps the raw ids: {"status":2,"priority":1,"responder_id":…,"group_id":…,"subject":…,
// "updated_at":…,"spam":false,"deleted":false}, plus "source" (raw code) and "channel" (email, phone, chat, …) when
// the ticket has one, and the provider's own fields (Freshservice: urgency, impact, department_id, …).
class TicketMapper
{
public:
    explicit TicketMapper(TicketVocabulary vocabulary = {});

    Case toCase(const Ticket &ticket, const QString &integrationId, qint64 workspaceId = 1) const;
    static QJsonObject remoteState(const Ticket &ticket);
    // Case-side values of remote fields given in Freshdesk names (status, priority, responder_id, group_id,
    // subject); fields not present are left out.
    CaseChanges caseChangesFromRemote(const QJsonObject &remoteFields) const;
    // Case field changes (store names, e.g. {"status":"pending"}) to Freshdesk PUT fields ({"status":3}).
    Result<QJsonObject> ticketFieldsFromCase(const QJsonObject &caseFields) const;
    // The Freshdesk name of a case field ("assignee_id" -> "responder_id"); empty when it is not pushed.
    static QString remoteFieldName(const QString &caseField);

    const TicketVocabulary &vocabulary() const { return m_vocabulary; }

private:
    TicketVocabulary m_vocabulary;
};

} // namespace cb
