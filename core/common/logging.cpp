#include "logging.h"

Q_LOGGING_CATEGORY(lcStorage, "casebridge.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHelpdesk, "casebridge.helpdesk", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWebhook, "casebridge.webhook", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "casebridge.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "casebridge.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "casebridge.sandbox", QtInfoMsg)
