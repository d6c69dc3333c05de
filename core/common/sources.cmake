target_sources(${CB_LAYER} PRIVATE
    common/clock.cpp common/clock.h
    common/logging.cpp common/logging.h
    common/result.cpp common/result.h)
