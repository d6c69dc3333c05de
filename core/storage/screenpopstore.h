#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cb {

class Clock;
class Database;

// A caller who matched a customer, as the receiver answered the contact event.
struct ScreenPop
{
    qint64 id = 0;
    QString integrationId;
    QString callId;
    QJsonObject match;
    QDateTime at;
};

// The screen_pops table: one row per call and integration, whichever process received the contact event, so every
// console of a team pops the caller (through the store's change notification), once per call.
class ScreenPopStore
{
public:
    ScreenPopStore(Database &db, const Clock &clock);

    // True when this is the first time the call is recorded (the caller should pop).
    Result<bool> record(const QString &integrationId, const QString &callId, const QJsonObject &match);
    Result<QList<ScreenPop>> after(qint64 lastId, int limit = 50);
    Result<qint64> lastId();

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace cb
