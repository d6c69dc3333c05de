#pragma once

#include <QWizardPage>

class QCheckBox;

namespace cb::ui {

// Step 7: the first-connect backfill, then save.
class BackfillPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackfillPage)

public:
    explicit BackfillPage(QWidget *parent = nullptr);
    bool backfill() const;

private:
    QCheckBox *m_backfill;
};

} // namespace cb::ui
