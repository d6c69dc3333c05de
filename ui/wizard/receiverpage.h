#pragma once

#include <QWizardPage>

class QLineEdit;

namespace cb::ui {

// Step 6: where Freshdesk delivers webhooks.
class ReceiverPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiverPage)

public:
    explicit ReceiverPage(QWidget *parent = nullptr);
    bool isComplete() const override;
    QString listenAddress() const;
    // The base URL Freshdesk calls: the public URL when given (tunnel or proxy), else http://listen.
    QString receiverBaseUrl() const;

private:
    QLineEdit *m_listen;
    QLineEdit *m_publicUrl;
};

} // namespace cb::ui
