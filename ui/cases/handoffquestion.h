#pragma once

#include "storage/casedetailquery.h"

#include <QCoreApplication>

namespace cb::ui {

// What "Hand off" will do to a case's ticket, asked before it is done: the ticket, the helpdesk and what the
// integration's hand-off setting makes of it (agents and groups by name).
class HandoffQuestion final
{
    Q_DECLARE_TR_FUNCTIONS(HandoffQuestion)

public:
    static QString of(const CaseDetail &detail);
};

} // namespace cb::ui
