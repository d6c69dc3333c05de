#include "tempstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QtTest>

namespace cb::test {

TempStore::TempStore()
{
    m_dir.setAutoRemove(true);
}

QString TempStore::path() const
{
    return m_dir.filePath(QStringLiteral("store.sqlite"));
}

DatabaseLocation TempStore::location() const
{
    return *DatabaseLocation::parse(path());
}

std::unique_ptr<Database> TempStore::open(Database::Access access) const
{
    auto db = Database::open(location(), access);
    if (!db) {
        qWarning() << "store did not open:" << db.error().toLogString();
        return nullptr;
    }
    return std::move(db).value();
}

QByteArray fileDigest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

} // namespace cb::test
