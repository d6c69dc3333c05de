// Layer probe (tst_layerincludes): allowed: helpdesk is above domain.
#include "domain/ticket.h"

int allowed_helpdesk_uses_domain()
{
    return 0;
}
