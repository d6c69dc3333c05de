// Layer probe (tst_layerincludes): the receiver does not reach up into the engine.
#include "sync/syncengine.h"

int forbidden_webhook_uses_sync()
{
    return 0;
}
