#pragma once

#include <QList>
#include <QString>

class QBoxLayout;
class QButtonGroup;
class QWidget;

namespace cb::ui {

// One option of a wizard page's exclusive choice: the group id it stands for, its objectName and its label.
struct RadioChoice
{
    int id;
    const char *objectName;
    QString text;
};

// Adds a radio button per choice to `layout` and `group` (accessible name = the label without its mnemonic) and
// checks the one with `checkedId`.
void addRadioChoices(QWidget *page, QButtonGroup *group, QBoxLayout *layout, const QList<RadioChoice> &choices,
                     int checkedId);

} // namespace cb::ui
