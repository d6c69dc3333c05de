// Layer probe (tst_layerincludes): secrets know the sandbox only through helpdesk/builtinsandbox.h.
#include "sandbox/sandboxaccount.h"

int forbidden_secrets_uses_sandbox()
{
    return 0;
}
