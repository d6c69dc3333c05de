#pragma once

#include "clicommand.h"

namespace cb::cli {

// Every subcommand of casebridge-sync, one factory per file in commands/.
CliCommand integrationsCommand();

} // namespace cb::cli
