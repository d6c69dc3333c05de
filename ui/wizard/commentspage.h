#pragma once

#include "domain/integrationsettings.h"

#include <QWizardPage>

class QButtonGroup;
class QLineEdit;

namespace cb::ui {

// Step 5: how comments made in Casebridge reach the ticket.
class CommentsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommentsPage)

public:
    explicit CommentsPage(QWidget *parent = nullptr);
    void apply(IntegrationSettings &settings) const;

private:
    QButtonGroup *m_group;
    QLineEdit *m_footer;
};

} // namespace cb::ui
