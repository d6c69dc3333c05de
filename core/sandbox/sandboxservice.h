#pragma once

#include "common/result.h"

#include <QHostAddress>
#include <QObject>
#include <QThread>

namespace cb {

// Runs a seeded sandbox helpdesk on its own thread (so its HTTP work never touches the caller's thread),
// e.g. for the console's first run without an account.
class SandboxService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxService)

public:
    explicit SandboxService(QObject *parent = nullptr);
    ~SandboxService() override;

    // Starts (blocking only until the port is bound) and returns the bound port.
    Result<quint16> start(const QHostAddress &address, quint16 port, int tickets);
    void stop();
    QString adminKey() const;

private:
    QThread m_thread;
    QObject *m_holder = nullptr;
};

} // namespace cb
