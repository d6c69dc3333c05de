#pragma once

#include "sync/syncplatform.h"

namespace cb::test {

// The sync thread's pieces as the console uses them against a sandbox over HTTP: real helpdesk clients, the real
// webhook parser, and API keys encrypted under a fixed test key (no keychain needed).
SyncPlatformMaker realClientRuntime();

} // namespace cb::test
