#pragma once

#include <QtGlobal>

namespace cb {

// What one HTTP host (the webhook receiver, the sandbox helpdesk) lets a client do before it is answered with an
// error or disconnected. The defaults are the receiver's documented numbers (README, "The headless runner").
struct HttpLimits
{
    int headTimeoutMs = 10'000;             // the whole request head, from connect (or the first byte after an answer)
    int bodyTimeoutMs = 10'000;             // a body gets this ...
    qint64 bodyBytesPerSecond = 64 * 1024;  // ... plus one second per this many announced bytes
    int idleTimeoutMs = 5'000;              // a keep-alive connection with nothing to do
    int lingerMs = 2'000;                   // after an error answer: read and discard, then close
    qsizetype maxHeadBytes = 16 * 1024;     // request line and header fields together; more → 431
    int maxHeaderFields = 100;              // more → 431
    qint64 maxBodyBytes = 16 * 1024 * 1024; // announced Content-Length over this → 413 before the body is read
    int maxConnections = 2048;              // in total (also capped by the open-file limit); then the slowest are shed
    int maxConnectionsPerClient = 32;       // per client address; then that client's slowest are shed
};

} // namespace cb
