// Layer probe (tst_layerincludes): production sync code never sees the emulator.
#include "sandbox/sandboxhelpdesk.h"

int forbidden_sync_uses_sandbox()
{
    return 0;
}
