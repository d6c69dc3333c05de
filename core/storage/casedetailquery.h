#pragma once

#include "common/result.h"
#include "domain/case.h"
#include "domain/comment.h"
#include "domain/integrationsettings.h"
#include "storage/namedirectory.h"

#include <QList>

namespace cb {

class Database;

// One case as a person reads it: the case, who asked (the requester and their company), and the names of the
// case's helpdesk account (agents to assign, groups, companies).
struct CaseDetail
{
    Case c;
    QString requesterName;
    QString requesterEmail;
    QString company;              // the ticket's company by name ("company 7 (unknown)"), else the requester's domain
    DirectoryNames names;         // of the case's helpdesk account; empty for a local case
    bool deleted = false;         // deleted in the helpdesk
    bool spam = false;            // marked as spam in the helpdesk
    QString channel;              // email, phone, … (remote_state)
    QString helpdeskDomain;       // the case's helpdesk account; empty for a local case
    IntegrationSettings settings; // of the case's integration (what a hand-off does)
};

// Read-only typed reads of one case for the case pane: its detail and its conversation. No SQL leaves this class.
class CaseDetailQuery final
{
public:
    explicit CaseDetailQuery(Database &db);

    Result<CaseDetail> detail(qint64 caseId) const;
    // The conversation, oldest first, with the authors' names as stored.
    Result<QList<Comment>> conversation(qint64 caseId) const;

private:
    Database &m_db;
};

} // namespace cb
