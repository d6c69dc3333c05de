target_sources(${CB_LAYER} PRIVATE
    sandbox/sandboxaccount.cpp sandbox/sandboxaccount.h
    sandbox/sandboxactivity.cpp sandbox/sandboxactivity.h
    sandbox/sandboxautomation.cpp sandbox/sandboxautomation.h
    sandbox/sandboxcontrol.cpp sandbox/sandboxcontrol.h
    sandbox/sandboxfreshservice.cpp sandbox/sandboxfreshservice.h
    sandbox/sandboxhelpdesk.cpp sandbox/sandboxhelpdesk.h
    sandbox/sandboxhelpdesk_tickets.cpp
    sandbox/sandboxhelpdesk_agentui.cpp
    sandbox/sandboxsearch.cpp sandbox/sandboxsearch.h
    sandbox/sandboxservice.cpp sandbox/sandboxservice.h)
