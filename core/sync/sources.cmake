target_sources(casebridge_core PRIVATE
    sync/outboundpusher.cpp sync/outboundpusher.h
    sync/remoteapplier.cpp sync/remoteapplier.h
    sync/storesummary.h
    sync/syncservice.cpp sync/syncservice.h
    sync/syncworker.cpp sync/syncworker.h
    sync/ticketmapper.cpp sync/ticketmapper.h)
