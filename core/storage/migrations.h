#pragma once

#include "common/result.h"

namespace cb {

class Database;

// Forward-only, versioned schema. The same SQL on SQLite and PostgreSQL, with two dialect tokens:
// @ID@ (an auto-increment 64-bit primary key) and @BLOB@ (binary data).
class Migrations
{
public:
    static int currentVersion();
    // Applies every step after `fromVersion`, each in its own transaction.
    static Status apply(Database &db, int fromVersion);
};

} // namespace cb
