#pragma once

#include <QCoreApplication>
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
    Q_DECLARE_TR_FUNCTIONS(IntegrationChoices)

public:
    struct Choice
    {
        QString id;
        QString label;    // displayName(domain)
        QString provider; // freshdesk | freshservice
    };

    static QList<Choice> load(Database *readOnly);
    // How a helpdesk is named to people: its domain ("acme.freshdesk.com"), or "Sandbox" for the built-in sandbox
    // (a helpdesk on a loopback address: a real Freshdesk or Freshservice account never is).
    static QString displayName(const QString &domain);
};

} // namespace cb::ui
