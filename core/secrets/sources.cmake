target_sources(casebridge_core PRIVATE
    secrets/secretstore.cpp secrets/secretstore.h)
