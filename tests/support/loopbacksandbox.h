#pragma once

#include "http/httphost.h"
#include "httpprobe.h"
#include "sandbox/sandboxhelpdesk.h"

#include <QNetworkAccessManager>

#include <memory>

namespace cb::test {

// A sandbox helpdesk served on a free loopback port, in this thread, with probes for its Freshdesk API (admin key)
// and its control API (no auth).
class LoopbackSandbox
{
public:
    // Without a plan the rate limits are out of the way (a million calls a minute).
    explicit LoopbackSandbox(std::optional<SandboxHelpdesk::Plan> plan = std::nullopt);

    SandboxHelpdesk &helpdesk() { return m_helpdesk; }
    SandboxAccount &account() { return m_helpdesk.account(); }
    quint16 port() const { return m_port; }
    HttpProbe &api() { return *m_api; }
    HttpProbe &control() { return *m_control; }

private:
    QNetworkAccessManager m_nam;
    SandboxHelpdesk m_helpdesk;
    HttpHost m_server;
    quint16 m_port = 0;
    std::unique_ptr<HttpProbe> m_api;
    std::unique_ptr<HttpProbe> m_control;
};

} // namespace cb::test
