#pragma once

#include "http/httprequesthandler.h"

namespace cb {

class SandboxHelpdesk;

// The sandbox account under Freshservice API v2's shapes (freshdesk-api.md §8), in front of SandboxHelpdesk:
// bodies wrapped ({"ticket":{…}}, {"tickets":[…]}, {"conversations":[…]}, {"agent":{…}}, {"roles":[…]},
// {"groups":[…]}), agents and requesters with first_name/last_name, /requesters[/{id}] (the contacts),
// /agents[/{id}], /departments/{id} (the companies), /tickets/filter?query= (the search), Freshservice's role
// names, and tickets with Freshservice's source codes, department_id, urgency, impact and category fields. Auth, rate
// limits, error bodies, faults, paging rules and the control API (/_sandbox/) are SandboxHelpdesk's, unchanged.
class SandboxFreshservice final : public HttpRequestHandler
{
public:
    explicit SandboxFreshservice(SandboxHelpdesk &helpdesk);

    QCoro::Task<HttpResponse> handle(HttpRequest request) override;

private:
    SandboxHelpdesk &m_helpdesk;
};

} // namespace cb
