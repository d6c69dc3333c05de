#include "helpdeskclient.h"

namespace cb {

HelpdeskClient::~HelpdeskClient() = default;

} // namespace cb
