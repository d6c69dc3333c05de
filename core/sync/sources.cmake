target_sources(${CB_LAYER} PRIVATE
    sync/adminactions.cpp sync/adminactions.h
    sync/caseactions.cpp sync/caseactions.h
    sync/burstlister.cpp sync/burstlister.h
    sync/conversationcopier.cpp sync/conversationcopier.h
    sync/defaultsyncplatform.cpp sync/defaultsyncplatform.h
    sync/directoryrefresher.cpp sync/directoryrefresher.h
    sync/healthprobe.cpp sync/healthprobe.h
    sync/importer.cpp sync/importer.h
    sync/integrationhealth.h
    sync/inboundprocessor.cpp sync/inboundprocessor.h
    sync/integrationconfigurator.cpp sync/integrationconfigurator.h
    sync/integrationmanager.cpp sync/integrationmanager.h
    sync/outboundpusher.cpp sync/outboundpusher.h
    sync/reconciler.cpp sync/reconciler.h
    sync/remoteapplier.cpp sync/remoteapplier.h
    sync/storesummary.h
    sync/syncengine.cpp sync/syncengine.h
    sync/synceventpublisher.cpp sync/synceventpublisher.h
    sync/syncevents.cpp sync/syncevents.h
    sync/synchost.cpp sync/synchost.h
    sync/syncplatform.h
    sync/consolesyncproxy.cpp sync/consolesyncproxy.h
    sync/consolesyncbackend.cpp sync/consolesyncbackend.h
    sync/ticketmapper.cpp sync/ticketmapper.h)
