target_sources(cb_test_support PRIVATE
    support/clirunner.cpp support/clirunner.h
    support/httpprobe.cpp support/httpprobe.h
    support/loopbacksandbox.cpp support/loopbacksandbox.h
    support/fakehelpdeskclient.cpp support/fakehelpdeskclient.h
    support/recordinghandler.cpp support/recordinghandler.h
    support/memorysecretstore.cpp support/memorysecretstore.h
    support/tempstore.cpp support/tempstore.h)
