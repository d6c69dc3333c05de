target_sources(${CB_LAYER} PRIVATE
    http/clientguard.cpp http/clientguard.h
    http/clientguardoptions.cpp http/clientguardoptions.h
    http/httpconnection.cpp http/httpconnection.h
    http/httphost.cpp http/httphost.h
    http/httplimits.h
    http/httpmessage.cpp http/httpmessage.h
    http/httprequesthandler.h
    http/httprequestparser.cpp http/httprequestparser.h
    http/httpresponsewriter.cpp http/httpresponsewriter.h)
