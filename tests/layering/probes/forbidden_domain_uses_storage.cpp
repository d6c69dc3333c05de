// Layer probe (tst_layerincludes): value types use nothing above them.
#include "storage/database.h"

int forbidden_domain_uses_storage()
{
    return 0;
}
