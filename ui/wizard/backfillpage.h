#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;

namespace cb::ui {

// Step 7: the first-connect backfill, then save.
class BackfillPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackfillPage)

public:
    explicit BackfillPage(QWidget *parent = nullptr);
    bool backfill() const;
    void setProvider(const QString &provider); // names the helpdesk the backfill reads from

private:
    QCheckBox *m_backfill;
    QLabel *m_note;
};

} // namespace cb::ui
