#pragma once

namespace cb::ui {

enum WizardPageId
{
    ProviderPageId,
    AccountPageId,
    IntakePageId,
    HandoffPageId,
    CommentsPageId,
    ReceiverPageId,
    BackfillPageId
};

} // namespace cb::ui
