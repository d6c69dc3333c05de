#pragma once

#include <QDialog>
#include <QJsonObject>

class QListWidget;
class QPushButton;

namespace cb::ui {

// The caller screen pop: who is calling (the customers matched on the number) and their open tickets, shown the
// moment the telephony platform reports the call. Non-modal; "Open case" shows the chosen ticket's case.
class ScreenPopDialog final : public QDialog
{
    Q_OBJECT

public:
    ScreenPopDialog(const QString &callId, const QJsonObject &match, QWidget *parent = nullptr);

Q_SIGNALS:
    void openCaseRequested(qint64 caseId);

private:
    void openSelected();

    QListWidget *m_tickets;
    QPushButton *m_open;
};

} // namespace cb::ui
