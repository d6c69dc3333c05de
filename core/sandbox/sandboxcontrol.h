#pragma once

#include "http/httprequesthandler.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cb {

class SandboxHelpdesk;

// The sandbox's own control API under /_sandbox/ (docs/sandbox.md), what Freshdesk's admin UI would be: reseed
// the account, inject faults, set automation webhook rules, switch plan, edit a ticket as an agent in the UI,
// run the activity simulator, read call statistics. No Freshdesk auth, loopback clients only, never rate-limited
// or faulted. Errors are {"code","message"}: 400 on bad input, 404 on an unknown route, 405 on a wrong method.
class SandboxControl final : public HttpRequestHandler
{
public:
    explicit SandboxControl(SandboxHelpdesk &helpdesk);

    QCoro::Task<HttpResponse> handle(HttpRequest request) override;
    HttpResponse route(const HttpRequest &r);

private:
    HttpResponse seed(const QJsonObject &body);
    HttpResponse addFault(const QJsonObject &body);
    HttpResponse addRule(const QJsonObject &body);
    HttpResponse setPlan(const QJsonObject &body);
    HttpResponse agentEdit(qint64 ticketId, const QJsonObject &body);
    HttpResponse activity(const QJsonObject &body);
    QJsonObject faults() const;
    QJsonObject rules() const;
    QJsonObject plan() const;
    static QJsonArray routes();
    static HttpResponse error(int status, const QString &code, const QString &message);

    SandboxHelpdesk &m_helpdesk;
};

} // namespace cb
