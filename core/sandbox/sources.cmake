target_sources(casebridge_core PRIVATE
    sandbox/sandboxaccount.cpp sandbox/sandboxaccount.h
    sandbox/sandboxautomation.cpp sandbox/sandboxautomation.h
    sandbox/sandboxhelpdesk.cpp sandbox/sandboxhelpdesk.h
    sandbox/sandboxhelpdesk_tickets.cpp
    sandbox/sandboxsearch.cpp sandbox/sandboxsearch.h
    sandbox/sandboxservice.cpp sandbox/sandboxservice.h)
