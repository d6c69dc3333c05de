#pragma once

#include <QWidget>

class QTextBrowser;
class QUrl;

namespace cb::ui {

// The handbook: the project's own README and docs/, built into the console (qrc:/handbook), read here without
// a network or a browser. Links between the documents stay in the window; web links open in the browser.
class HandbookWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HandbookWindow)

public:
    explicit HandbookWindow(QWidget *parent = nullptr);

    // qrc:/handbook/README.md, or a page under it such as docs/sandbox.md.
    void showPage(const QString &relativePath = QStringLiteral("README.md"));
    QUrl currentPage() const;
    static QString root(); // ":/handbook/"

private:
    QTextBrowser *m_browser;
};

} // namespace cb::ui
