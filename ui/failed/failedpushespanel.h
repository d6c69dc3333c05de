#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace cb {
class Database;
}

namespace cb::ui {

// Pushes to the helpdesk that gave up (outbox in state dead), with the helpdesk's answer: Retry puts them back in
// the queue, Discard drops them (the case keeps its value here). Both go through the sync thread.
class FailedPushesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FailedPushesPanel)

public:
    explicit FailedPushesPanel(Database *readOnly, QWidget *parent = nullptr);

    int pushCount() const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void retryRequested(qint64 outboxId);
    void discardRequested(qint64 outboxId);

private:
    QList<qint64> selectedIds() const;
    void updateButtons();

    Database *m_db;
    QTableWidget *m_table;
    QPushButton *m_retry;
    QPushButton *m_discard;
    QLabel *m_status;
};

} // namespace cb::ui
