#pragma once

#include <QDateTime>

namespace cb {

// The one source of "now" in the core, so tests can move time (echo window, backoff, dedupe windows).
class Clock
{
public:
    virtual ~Clock();
    virtual QDateTime nowUtc() const = 0;
    qint64 nowMs() const;

    static Clock &system();
};

class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime::currentDateTimeUtc());
    QDateTime nowUtc() const override;
    void advanceMs(qint64 ms);
    void set(QDateTime t);

private:
    QDateTime m_now;
};

// ISO-8601 UTC with milliseconds, the text form of every timestamp in the store ("2026-11-22T14:15:00.123Z").
QString toStoreTime(const QDateTime &t);
QDateTime fromStoreTime(const QString &s);

} // namespace cb
