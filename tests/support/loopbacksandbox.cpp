#include "loopbacksandbox.h"

namespace cb::test {

LoopbackSandbox::LoopbackSandbox(std::optional<SandboxHelpdesk::Plan> plan)
    : m_helpdesk(&m_nam)
    , m_server(&m_helpdesk)
{
    m_helpdesk.setPlan(plan.value_or(SandboxHelpdesk::Plan{QStringLiteral("test"), 1000000, 1000000, 1000000, 60000}));
    const auto bound = m_server.listen(QHostAddress::LocalHost, 0);
    m_port = bound ? *bound : 0;
    m_api = std::make_unique<HttpProbe>(m_port);
    m_control = std::make_unique<HttpProbe>(m_port, QByteArray());
}

} // namespace cb::test
