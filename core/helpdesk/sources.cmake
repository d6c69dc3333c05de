target_sources(casebridge_core PRIVATE
    helpdesk/helpdeskclient.cpp helpdesk/helpdeskclient.h
    helpdesk/helpdesktypes.h
    helpdesk/webhookpayload.h)
