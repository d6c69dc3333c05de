target_sources(cb_test_support PRIVATE
    support/clirunner.cpp support/clirunner.h
    support/fakehelpdeskclient.cpp support/fakehelpdeskclient.h
    support/memorysecretstore.cpp support/memorysecretstore.h
    support/serveprocess.cpp support/serveprocess.h
    support/tempstore.cpp support/tempstore.h
    support/webhookloadclient.cpp support/webhookloadclient.h)
