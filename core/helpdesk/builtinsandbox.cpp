#include "builtinsandbox.h"

#include "helpdesk/freshdesk/freshdeskdomain.h"

namespace cb {

QString BuiltInSandbox::adminKey()
{
    return QStringLiteral("sandbox-admin-key");
}

QString BuiltInSandbox::agentKey()
{
    return QStringLiteral("sandbox-agent-key");
}

bool BuiltInSandbox::isSandboxAccount(const QString &domain, const QByteArray &apiKey)
{
    const QString host = domain.section(QLatin1Char(':'), 0, 0);
    return FreshdeskDomain::isLoopbackHost(host) && apiKey == adminKey().toLatin1();
}

} // namespace cb
