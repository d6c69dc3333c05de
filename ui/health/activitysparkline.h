#pragma once

#include <QWidget>

namespace cb::ui {

// A small bar chart of events per interval (the last hour, oldest first).
class ActivitySparkline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivitySparkline)

public:
    explicit ActivitySparkline(QWidget *parent = nullptr);
    void setValues(const QList<int> &values);
    QList<int> values() const { return m_values; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<int> m_values;
};

} // namespace cb::ui
