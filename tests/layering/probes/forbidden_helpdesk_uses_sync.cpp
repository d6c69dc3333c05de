// Layer probe (tst_layerincludes): the helpdesk layer must not see the sync layer (the arrow #18 found).
#include "sync/integrationmanager.h"

int forbidden_helpdesk_uses_sync()
{
    return 0;
}
