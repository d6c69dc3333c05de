target_sources(casebridge_core PRIVATE
    telephony/callerlookup.cpp telephony/callerlookup.h)
