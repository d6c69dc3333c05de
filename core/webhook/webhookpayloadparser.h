#pragma once

#include "common/result.h"
#include "domain/ticketvocabulary.h"
#include "helpdesk/webhookpayload.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace cb {

// Reads a Freshdesk webhook body in every shape admins configure (DESIGN.md §5.1): Simple mode
// `{"freshdesk_webhook":{"ticket_id":"11","ticket_status":"Pending",…}}`, thin `{"ticketId":"11",
// "triggered_event":"{ticket_action:created}"}`, flat custom JSON (`ticket_id`/`id`, `status`/`status_id`,
// `priority`, `updated_at`…, optionally nested under "ticket"), and form-encoded `freshdesk_webhook[ticket_id]=…`.
// Ids may be strings or numbers, status and priority names or ids, descriptions HTML. Placeholders Freshdesk left
// unrendered (`{{ticket.id}}`) count as absent. A JSON body broken by an unescaped value (HTML with quotes) still
// yields its ticket id, as a thin payload to fetch. Pure: no I/O, safe to fuzz.
class WebhookPayloadParser
{
public:
    explicit WebhookPayloadParser(TicketVocabulary vocabulary = {});

    // An error (Kind::Usage) says what was expected; the receiver answers 400 with it.
    Result<WebhookPayload> parse(const QByteArray &body, const QByteArray &contentType) const;

    // Freshdesk's non-JSON {{triggered_event}} text: `{ticket_action:created}` → {"ticket_action":"created"},
    // `{status:{from:4,to:6}}` → {"status":{"from":4,"to":6}}. Also accepts real JSON. Empty object if unreadable.
    static QJsonObject parseTriggeredEvent(const QString &text);

    // The dedup key of DESIGN.md §3: "id:<event id>" when the sender gave one (body or X-Event-Id header), else
    // "t:<ticket>:<event>:<updated_at>:<digest of the body's fields and triggered event>" when the body has
    // updated_at (whole seconds: the digest keeps two changes within one second apart), else "body:<sha256>" (coalesces
    // with an identical body still pending; a new event once that one was processed — Inbox).
    static QString eventKey(const WebhookPayload *payload, const QByteArray &body, const QByteArray &headerEventId);

    enum class BodyKind
    {
        Json,
        Form,
        Unsupported
    };
    // application/json (and +json, text/json), application/x-www-form-urlencoded; no content type: sniffed.
    static BodyKind kindOf(const QByteArray &contentType, const QByteArray &body);

private:
    Result<WebhookPayload> fromObject(QJsonObject o) const;
    static QJsonObject formToObject(const QByteArray &body);
    static Result<WebhookPayload> salvage(const QByteArray &body);

    TicketVocabulary m_vocabulary;
};

} // namespace cb
