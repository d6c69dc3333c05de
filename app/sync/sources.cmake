target_sources(casebridge-sync PRIVATE
    sync/main.cpp
    sync/cliapp.cpp sync/cliapp.h
    sync/clicommand.h
    sync/clicontext.cpp sync/clicontext.h
    sync/commands/commands.h
    sync/commands/casecommands.cpp
    sync/commands/configurecommand.cpp
    sync/commands/helpdeskcommands.cpp
    sync/commands/rotatecommands.cpp
    sync/commands/sandboxcommand.cpp
    sync/commands/servecommand.cpp
    sync/commands/integrationscommand.cpp
    sync/commands/logcommands.cpp
    sync/signalwatcher.cpp sync/signalwatcher.h)
