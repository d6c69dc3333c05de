target_sources(${CB_LAYER} PRIVATE
    domain/case.h
    domain/changesource.cpp domain/changesource.h
    domain/phonenumber.cpp domain/phonenumber.h
    domain/comment.h
    domain/customer.h
    domain/directorynames.cpp domain/directorynames.h
    domain/failedevent.h
    domain/failedpush.h
    domain/domainjson.cpp domain/domainjson.h
    domain/inboxevent.h
    domain/importrequest.h
    domain/integration.h
    domain/integrationchoice.h
    domain/integrationsettings.cpp domain/integrationsettings.h
    domain/keysetpage.h
    domain/outboxitem.h
    domain/synclogentry.cpp domain/synclogentry.h
    domain/synclogfilter.h
    domain/syncvocabulary.cpp domain/syncvocabulary.h
    domain/ticket.h
    domain/ticketvocabulary.cpp domain/ticketvocabulary.h
    domain/webhooksetupinfo.h)
