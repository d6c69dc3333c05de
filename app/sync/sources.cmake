target_sources(casebridge-sync PRIVATE
    sync/main.cpp
    sync/cliapp.cpp sync/cliapp.h
    sync/clicommand.h
    sync/clicontext.cpp sync/clicontext.h
    sync/commands/commands.h
    sync/commands/integrationscommand.cpp)
