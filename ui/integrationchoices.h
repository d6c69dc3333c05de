#pragma once

#include <QList>
#include <QString>

namespace cb {
class Database;
}

namespace cb::ui {

// The connected helpdesks as the console offers them in combo boxes (import dialog, sync-log filter), read through
// the GUI thread's read-only connection.
class IntegrationChoices final
{
public:
    struct Choice
    {
        QString id;
        QString label;    // the helpdesk domain
        QString provider; // freshdesk | freshservice
    };

    static QList<Choice> load(Database *readOnly);
};

} // namespace cb::ui
