#pragma once

#include <QJsonObject>

namespace cb {

struct Case;
struct Customer;
struct InboxEvent;
struct Integration;
struct OutboxItem;
struct SyncLogEntry;

// JSON views of stored rows for `--json` output and the console: keys are the column names of DESIGN.md §2.
// Never a secret, a key or a secret's hash.
QJsonObject toJson(const Integration &i);
QJsonObject toJson(const Case &c);
QJsonObject toJson(const Customer &c);
QJsonObject toJson(const SyncLogEntry &e);
QJsonObject toJson(const OutboxItem &o);
// Inbox events without their body (use includeBody for a redacted inspection view).
QJsonObject toJson(const InboxEvent &e, bool includeBody = false);

} // namespace cb
