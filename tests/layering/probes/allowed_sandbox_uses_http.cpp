// Layer probe (tst_layerincludes): allowed: the sandbox serves through the HTTP host.
#include "http/httphost.h"

int allowed_sandbox_uses_http()
{
    return 0;
}
