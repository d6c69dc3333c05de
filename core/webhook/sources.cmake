target_sources(casebridge_core PRIVATE
    webhook/httpmessage.cpp webhook/httpmessage.h
    webhook/httprequesthandler.h
    webhook/webhooksecret.cpp webhook/webhooksecret.h
    webhook/webhookserver.cpp webhook/webhookserver.h)
