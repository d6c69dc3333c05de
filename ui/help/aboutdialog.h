#pragma once

#include <QDialog>

namespace cb::ui {

// Help → About: the version, the Qt it was built with and runs on, and the licenses of what it is made of.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    static QString versionText(); // "Casebridge 0.1.0 · Qt 6.4.2 (built with 6.4.2)"
};

} // namespace cb::ui
