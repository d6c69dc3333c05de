#pragma once

#include <QWizardPage>

class QRadioButton;

namespace cb::ui {

// Step 1: which helpdesk.
class ProviderPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderPage)

public:
    explicit ProviderPage(QWidget *parent = nullptr);
    QString provider() const; // "freshdesk" or "freshservice"
    void setProvider(const QString &provider);

Q_SIGNALS:
    void providerChanged(const QString &provider);

private:
    QRadioButton *m_freshdesk;
    QRadioButton *m_freshservice;
};

} // namespace cb::ui
