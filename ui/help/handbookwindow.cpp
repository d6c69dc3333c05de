#include "handbookwindow.h"

#include <QDesktopServices>
#include <QFile>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QPushButton>
#include <QScreen>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cb::ui {

HandbookWindow::HandbookWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("handbookWindow"));
    setWindowTitle(tr("Casebridge handbook"));
    // 900 × 700 where the screen has room, never more than most of it (a small laptop, a 1024 × 768 desktop).
    const QRect screen =
        (parent && parent->screen() ? parent->screen() : QGuiApplication::primaryScreen())->availableGeometry();
    resize(qMin(900, screen.width() * 9 / 10), qMin(700, screen.height() * 8 / 10));
    m_browser->setObjectName(QStringLiteral("handbookBrowser"));
    m_browser->setAccessibleName(tr("Handbook"));
    m_browser->setOpenLinks(false);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const QUrl target = m_browser->source().resolved(url);
        if (target.scheme() == QLatin1String("qrc") && QFile::exists(QLatin1Char(':') + target.path()))
            m_browser->setSource(target, QTextDocument::MarkdownResource);
        else if (target.scheme() == QLatin1String("http") || target.scheme() == QLatin1String("https"))
            QDesktopServices::openUrl(target);
    });
    auto *back = new QPushButton(tr("&Back"), this);
    back->setObjectName(QStringLiteral("handbookBack"));
    auto *home = new QPushButton(tr("&Contents"), this);
    home->setObjectName(QStringLiteral("handbookHome"));
    connect(back, &QPushButton::clicked, m_browser, &QTextBrowser::backward);
    connect(home, &QPushButton::clicked, this, [this] { showPage(); });
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QPushButton::setEnabled);
    back->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addWidget(home);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_browser, 1);
    showPage();
}

QString HandbookWindow::root()
{
    return QStringLiteral(":/handbook/");
}

void HandbookWindow::showPage(const QString &relativePath)
{
    m_browser->setSource(QUrl(QStringLiteral("qrc:/handbook/") + relativePath), QTextDocument::MarkdownResource);
}

QUrl HandbookWindow::currentPage() const
{
    return m_browser->source();
}

} // namespace cb::ui
