#include "activitysparkline.h"

#include <QPainter>

#include <algorithm>

namespace cb::ui {

ActivitySparkline::ActivitySparkline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("activitySparkline"));
    setAccessibleName(tr("Sync activity in the last hour"));
    setMinimumSize(120, 28);
}

void ActivitySparkline::setValues(const QList<int> &values)
{
    m_values = values;
    int total = 0;
    for (int v : values)
        total += v;
    setToolTip(tr("%n sync event(s) in the last hour", nullptr, total));
    update();
}

QSize ActivitySparkline::sizeHint() const
{
    return {160, 32};
}

void ActivitySparkline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = rect().adjusted(1, 1, -1, -1);
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    if (m_values.isEmpty())
        return;
    const int peak = std::max(1, *std::max_element(m_values.cbegin(), m_values.cend()));
    const qreal slot = area.width() / m_values.size();
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Highlight));
    for (int i = 0; i < m_values.size(); ++i) {
        const qreal h = (area.height() - 2) * m_values.at(i) / peak;
        if (h <= 0)
            continue;
        p.drawRect(QRectF(area.left() + i * slot + 1, area.bottom() - h, slot - 2, h));
    }
}

} // namespace cb::ui
