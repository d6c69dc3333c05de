#pragma once

#include "storage/database.h"

#include <QTemporaryDir>

#include <memory>

namespace cb::test {

// A real SQLite store in a fresh temporary folder, removed at the end of the test.
class TempStore
{
public:
    TempStore();
    QString path() const;
    DatabaseLocation location() const;
    // Opens (creating and migrating) a new connection; QVERIFY-friendly: returns nullptr and warns on failure.
    std::unique_ptr<Database> open(Database::Access access = Database::Access::ReadWrite) const;

private:
    QTemporaryDir m_dir;
};

// SHA-256 of a file's bytes (empty when unreadable): to prove a file was not modified.
QByteArray fileDigest(const QString &path);

} // namespace cb::test
