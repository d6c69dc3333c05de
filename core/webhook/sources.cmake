target_sources(casebridge_core PRIVATE
    webhook/clientguard.cpp webhook/clientguard.h
    webhook/httpconnection.cpp webhook/httpconnection.h
    webhook/httplimits.h
    webhook/httpmessage.cpp webhook/httpmessage.h
    webhook/httprequestparser.cpp webhook/httprequestparser.h
    webhook/httpresponsewriter.cpp webhook/httpresponsewriter.h
    webhook/httprequesthandler.h
    webhook/inboxcommitter.cpp webhook/inboxcommitter.h
    webhook/receivermetrics.cpp webhook/receivermetrics.h
    webhook/receiveroptions.cpp webhook/receiveroptions.h
    webhook/webhookendpoint.cpp webhook/webhookendpoint.h
    webhook/webhookpayloadparser.cpp webhook/webhookpayloadparser.h
    webhook/webhookreceiver.cpp webhook/webhookreceiver.h
    webhook/webhooksecret.cpp webhook/webhooksecret.h
    webhook/webhookserver.cpp webhook/webhookserver.h)
