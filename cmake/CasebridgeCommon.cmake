# Settings every Casebridge target shares, on an INTERFACE target rather than global flags.
add_library(cb_common_cfg INTERFACE)
target_compile_options(cb_common_cfg INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-qual
    $<$<BOOL:${CASEBRIDGE_WERROR}>:-Werror>)
target_compile_definitions(cb_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    CASEBRIDGE_VERSION="${PROJECT_VERSION}")
target_compile_features(cb_common_cfg INTERFACE cxx_std_20)
