target_sources(${CB_LAYER} PRIVATE
    telephony/callerlookup.cpp telephony/callerlookup.h)
