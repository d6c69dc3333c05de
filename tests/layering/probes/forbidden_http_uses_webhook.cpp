// Layer probe (tst_layerincludes): the HTTP host knows nothing of webhooks.
#include "webhook/webhookreceiver.h"

int forbidden_http_uses_webhook()
{
    return 0;
}
