#include "secretstore.h"

namespace cb {

SecretStore::~SecretStore() = default;

} // namespace cb
