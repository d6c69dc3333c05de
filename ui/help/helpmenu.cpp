#include "helpmenu.h"

#include "aboutdialog.h"
#include "handbookwindow.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

namespace cb::ui {

HelpMenu::HelpMenu(QMenuBar *bar, QWidget *window)
    : QObject(window)
    , m_window(window)
{
    QMenu *help = bar->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *handbook = help->addAction(tr("&Handbook"), this, [this] { openHandbook(); });
    handbook->setObjectName(QStringLiteral("actionHandbook"));
    handbook->setShortcut(QKeySequence::HelpContents);
    QAction *about = help->addAction(tr("&About Casebridge"), this, [this] { openAbout(); });
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
}

HandbookWindow *HelpMenu::openHandbook()
{
    if (!m_handbook) {
        m_handbook = new HandbookWindow(m_window);
        m_handbook->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_handbook->show();
    m_handbook->raise();
    return m_handbook;
}

AboutDialog *HelpMenu::openAbout()
{
    auto *dialog = new AboutDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace cb::ui
