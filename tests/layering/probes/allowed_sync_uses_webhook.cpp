// Layer probe (tst_layerincludes): allowed: sync is above webhook (the control that must build).
#include "webhook/webhookreceiver.h"

int allowed_sync_uses_webhook()
{
    return 0;
}
