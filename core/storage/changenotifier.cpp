#include "changenotifier.h"

#include "common/logging.h"
#include "storage/database.h"

#include <QSqlError>

namespace cb {

namespace {
constexpr int kPostgresCheckMs = 5000;
}

const char *const ChangeNotifier::kChannel = "casebridge_changes";

ChangeNotifier::ChangeNotifier(DatabaseLocation location, QObject *parent)
    : QObject(parent)
    , m_location(std::move(location))
{
    m_timer.setParent(this);
    connect(&m_timer, &QTimer::timeout, this, &ChangeNotifier::handleTimer);
}

ChangeNotifier::~ChangeNotifier()
{
    stop();
}

Status ChangeNotifier::start(int pollMs)
{
    if (auto st = connectStore(); !st)
        return st;
    m_timer.start(usesNotify() ? kPostgresCheckMs : pollMs);
    return Ok{};
}

void ChangeNotifier::stop()
{
    m_timer.stop();
    if (m_db && usesNotify())
        m_db->handle().driver()->unsubscribeFromNotification(QLatin1String(kChannel));
    m_db.reset();
}

Status ChangeNotifier::connectStore()
{
    m_db.reset();
    auto db = Database::open(m_location, usesNotify() ? Database::Access::ReadWrite : Database::Access::ReadOnly);
    if (!db)
        return db.error();
    m_db = std::move(db).value();
    if (!usesNotify()) {
        m_dataVersion = -1;
        pollSqlite(); // the baseline: what is there now is not a change
        return Ok{};
    }
    QSqlDriver *driver = m_db->handle().driver();
    if (!driver->subscribeToNotification(QLatin1String(kChannel))) {
        const Error e = Database::storageError(
            QStringLiteral("Cannot subscribe to change notifications on %1.").arg(m_location.displayName()),
            driver->lastError());
        m_db.reset();
        return e;
    }
    connect(driver, &QSqlDriver::notification, this, &ChangeNotifier::handleNotification);
    return Ok{};
}

void ChangeNotifier::handleNotification(const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
{
    if (name == QLatin1String(kChannel))
        Q_EMIT changed(payload.toString());
}

void ChangeNotifier::handleTimer()
{
    if (usesNotify())
        checkPostgres();
    else
        pollSqlite();
}

void ChangeNotifier::checkPostgres()
{
    if (m_db && m_db->exec(QStringLiteral("SELECT 1")))
        return;
    qCWarning(lcStorage) << "change notifications lost their connection; reconnecting";
    if (connectStore())
        Q_EMIT changed(QString()); // whatever was sent while we were away is unknown
}

void ChangeNotifier::pollSqlite()
{
    if (!m_db && !connectStore())
        return;
    auto version = m_db->scalar(QStringLiteral("PRAGMA data_version"));
    if (!version)
        return;
    const qint64 v = version->toLongLong();
    const bool first = m_dataVersion < 0;
    if (v == m_dataVersion)
        return;
    m_dataVersion = v;
    auto last = m_db->scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM ticket_sync_log"));
    const qint64 logId = last ? last->toLongLong() : m_lastLogId;
    const bool logGrew = logId != m_lastLogId;
    m_lastLogId = logId;
    if (first)
        return;
    if (logGrew)
        Q_EMIT changed(QStringLiteral("ticket_sync_log"));
    Q_EMIT changed(QString());
}

} // namespace cb
