#pragma once

#include <QObject>
#include <QPointer>

class QMenu;
class QMenuBar;
class QWidget;

namespace cb::ui {

class AboutDialog;
class HandbookWindow;

// The Help menu: the handbook (opened in the console) and About.
class HelpMenu final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpMenu)

public:
    HelpMenu(QMenuBar *bar, QWidget *window);

    HandbookWindow *openHandbook();
    AboutDialog *openAbout();

private:
    QWidget *m_window;
    QPointer<HandbookWindow> m_handbook;
};

} // namespace cb::ui
