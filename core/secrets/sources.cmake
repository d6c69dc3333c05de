target_sources(${CB_LAYER} PRIVATE
    secrets/encryptedsecretstore.cpp secrets/encryptedsecretstore.h
    secrets/keychainsecretstore.cpp secrets/keychainsecretstore.h
    secrets/sandboxawaresecretstore.cpp secrets/sandboxawaresecretstore.h
    secrets/secretstore.cpp secrets/secretstore.h
    secrets/secretstorefactory.cpp secrets/secretstorefactory.h)
