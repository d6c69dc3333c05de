#pragma once

#include <QByteArray>
#include <QString>

namespace cb {

// What the sync layers know of the built-in sandbox helpdesk without linking it: its published keys, and how to
// tell a sandbox account (a loopback domain with the sandbox's admin key). The keys are no secret; the sandbox
// library's SandboxAccount starts from them.
class BuiltInSandbox
{
public:
    static QString adminKey();
    static QString agentKey(); // a working key of an agent who is not an admin
    static bool isSandboxAccount(const QString &domain, const QByteArray &apiKey);
};

} // namespace cb
