target_sources(casebridge_core PRIVATE
    sync/storesummary.h
    sync/syncservice.cpp sync/syncservice.h
    sync/syncworker.cpp sync/syncworker.h)
