#pragma once

namespace cb {
class Database;
}

namespace cb::test {

// Fills a store with `cases` cases of two helpdesks (one transaction, one prepared insert; customers for the
// requester column, mixed statuses, priorities and channels): the 100,000-case store of issue 15's Cases view.
bool fillCases(Database &db, int cases);

} // namespace cb::test
