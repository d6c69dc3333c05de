target_sources(cb_test_support PRIVATE
    support/tempstore.cpp support/tempstore.h
    support/clirunner.cpp support/clirunner.h)
