#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cb {
class Database;
}

namespace cb::ui {

// A new API key for a connected helpdesk. The field starts blank and the key is never shown back; the sync thread
// verifies it (an administrator's key of the same account) before it replaces the old one. The webhook URL does
// not change, so the helpdesk's rules keep working.
class RotateKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RotateKeyDialog)

public:
    RotateKeyDialog(Database *readOnly, const QString &integrationId, QWidget *parent = nullptr);

public Q_SLOTS:
    void handleAdminDone(const QString &action, const QString &integrationId, const QString &message);
    void handleAdminFailed(const QString &action, const QString &integrationId, const QString &message);

Q_SIGNALS:
    void rotateRequested(const QString &integrationId, const QByteArray &apiKey);

private:
    QString m_integrationId;
    QLineEdit *m_key;
    QLabel *m_status;
    QPushButton *m_verify;
};

} // namespace cb::ui
