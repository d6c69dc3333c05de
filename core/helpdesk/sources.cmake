target_sources(${CB_LAYER} PRIVATE
    helpdesk/freshdesk/freshdeskclient.cpp helpdesk/freshdesk/freshdeskclient.h
    helpdesk/freshdesk/freshdeskdomain.cpp helpdesk/freshdesk/freshdeskdomain.h
    helpdesk/freshdesk/freshdeskjson.cpp helpdesk/freshdesk/freshdeskjson.h
    helpdesk/freshworks/freshworksclient.cpp helpdesk/freshworks/freshworksclient.h
    helpdesk/freshworks/freshworkstransport.cpp helpdesk/freshworks/freshworkstransport.h
    helpdesk/freshworks/freshworkspaging.cpp helpdesk/freshworks/freshworkspaging.h
    helpdesk/freshworks/ratelimitgate.cpp helpdesk/freshworks/ratelimitgate.h
    helpdesk/freshservice/freshserviceclient.cpp helpdesk/freshservice/freshserviceclient.h
    helpdesk/freshservice/freshserviceclient_filter.cpp
    helpdesk/freshservice/freshservicejson.cpp helpdesk/freshservice/freshservicejson.h
    helpdesk/builtinsandbox.cpp helpdesk/builtinsandbox.h
    helpdesk/helpdeskclient.cpp helpdesk/helpdeskclient.h
    helpdesk/helpdeskclientfactory.cpp helpdesk/helpdeskclientfactory.h
    helpdesk/helpdeskclientmaker.h
    helpdesk/helpdesktypes.h
    helpdesk/webhookpayload.h)
