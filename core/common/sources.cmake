target_sources(casebridge_core PRIVATE
    common/clock.cpp common/clock.h
    common/logging.cpp common/logging.h
    common/result.cpp common/result.h)
