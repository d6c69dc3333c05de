// Layer probe (tst_layerincludes): storage sits below the helpdesk clients.
#include "helpdesk/helpdeskclient.h"

int forbidden_storage_uses_helpdesk()
{
    return 0;
}
