#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace cb {
class Database;
}

namespace cb::ui {

class FailedPushesPanel;

// Webhooks that could not be processed (webhook_inbox in state failed or dead): when each arrived, how often it was
// tried and the last error. Replay selected / Replay all put them back to pending through the sync thread. Beside
// them, the pushes to the helpdesk that gave up (FailedPushesPanel).
class FailedEventsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FailedEventsView)

public:
    explicit FailedEventsView(Database *readOnly, QWidget *parent = nullptr);

    int eventCount() const;
    FailedPushesPanel *pushes() const { return m_pushes; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void replayRequested(qint64 eventId);

private:
    void replaySelected();
    void replayAll();
    void updateButtons();
    void showPayload();

    Database *m_db;
    QTableWidget *m_table;
    QPushButton *m_replaySelected;
    QPushButton *m_replayAll;
    QPushButton *m_refresh;
    QLabel *m_status;
    QPlainTextEdit *m_payload;
    FailedPushesPanel *m_pushes;
};

} // namespace cb::ui
