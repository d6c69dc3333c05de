#pragma once

#include <QWidget>

class QLabel;

namespace cb::ui {

// A centred title and explanation, for "nothing here yet", "opening…" and "this went wrong" pages.
class EmptyStateWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStateWidget)

public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);
    void setTitle(const QString &title);
    void setText(const QString &text);
    QString title() const;
    QString text() const;

private:
    QLabel *m_title;
    QLabel *m_text;
};

} // namespace cb::ui
