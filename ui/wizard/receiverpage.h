#pragma once

#include <QWizardPage>

class QLineEdit;

namespace cb::ui {

// Step 6: where the helpdesk delivers webhooks.
class ReceiverPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiverPage)

public:
    explicit ReceiverPage(QWidget *parent = nullptr);
    bool isComplete() const override;
    QString listenAddress() const;
    // The base URL the helpdesk calls: the public URL when given (tunnel or proxy), else http://listen.
    QString receiverBaseUrl() const;
    void setProvider(const QString &provider); // names the helpdesk in the subtitle

private:
    QLineEdit *m_listen;
    QLineEdit *m_publicUrl;
};

} // namespace cb::ui
