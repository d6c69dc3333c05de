#pragma once

#include "http/clientguardoptions.h"

#include <QtGlobal>

namespace cb {

// How the webhook receiver guards itself and batches its commits (DESIGN.md §4, §5.4 defaults).
struct ReceiverOptions : ClientGuardOptions
{
    qint64 maxBodyBytes = 1024 * 1024;
    bool metricsLoopbackOnly = true;
    int groupCommitDelayMs = 0; // extra wait to grow a commit batch (0: whatever arrived meanwhile)
    int maxBatch = 512;
};

} // namespace cb
