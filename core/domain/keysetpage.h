#pragma once

#include <QtGlobal>

namespace cb {

// One page of a list read newest first by id (keyset paging, never OFFSET): at most `limit` rows with an id below
// `beforeId` (0 = from the newest). The next page starts before the last id of this one.
struct KeysetPage
{
    qint64 beforeId = 0;
    int limit = 1000;

    bool operator==(const KeysetPage &other) const = default;
};

} // namespace cb
