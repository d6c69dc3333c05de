#pragma once

#include <QList>
#include <QString>

namespace cb::ui {

// Reads ticket ids out of pasted text: numbers or ticket URLs (…/tickets/123, …/a/tickets/123), separated by
// anything that is not part of a token (spaces, new lines, commas, semicolons, pipes). Every other token is invalid.
class TicketIdParser final
{
public:
    struct Token
    {
        int start = 0;
        int length = 0;
        QString text;
    };
    struct Parsed
    {
        QList<qint64> ids; // in order, without duplicates
        QList<Token> invalid;
    };

    static Parsed parse(const QString &text);
};

} // namespace cb::ui
