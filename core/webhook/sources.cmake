target_sources(${CB_LAYER} PRIVATE
    webhook/inboxcommitter.cpp webhook/inboxcommitter.h
    webhook/receivermetrics.cpp webhook/receivermetrics.h
    webhook/receiveroptions.h
    webhook/webhookendpoint.cpp webhook/webhookendpoint.h
    webhook/webhookpayloadparser.cpp webhook/webhookpayloadparser.h
    webhook/webhookreceiver.cpp webhook/webhookreceiver.h
    webhook/webhooksecret.cpp webhook/webhooksecret.h)
