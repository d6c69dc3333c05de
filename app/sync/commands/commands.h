#pragma once

#include "clicommand.h"

namespace cb::cli {

// Every subcommand of casebridge-sync, one factory per file in commands/.
CliCommand integrationsCommand();
CliCommand casesCommand();
CliCommand caseCommand();
CliCommand editCommand();
CliCommand commentCommand();
CliCommand handoffCommand();
CliCommand logCommand();
CliCommand failedCommand();
CliCommand replayCommand();
CliCommand connectCommand();
CliCommand importCommand();
CliCommand reconcileCommand();
CliCommand sandboxCommand();
CliCommand rotateSecretCommand();
CliCommand rotateKeyCommand();
CliCommand disconnectCommand();
CliCommand configureCommand();
CliCommand serveCommand();

} // namespace cb::cli
