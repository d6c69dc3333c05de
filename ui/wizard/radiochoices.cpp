#include "radiochoices.h"

#include <QBoxLayout>
#include <QButtonGroup>
#include <QRadioButton>

namespace cb::ui {

void addRadioChoices(QWidget *page, QButtonGroup *group, QBoxLayout *layout, const QList<RadioChoice> &choices,
                     int checkedId)
{
    for (const RadioChoice &c : choices) {
        auto *b = new QRadioButton(c.text, page);
        b->setObjectName(QLatin1String(c.objectName));
        b->setAccessibleName(QString(c.text).remove(QLatin1Char('&')));
        group->addButton(b, c.id);
        layout->addWidget(b);
    }
    if (QAbstractButton *checked = group->button(checkedId))
        checked->setChecked(true);
}

} // namespace cb::ui
