#pragma once

#include <QCoreApplication>
#include <QString>

namespace cb::ui {

// Helpdesk text (a ticket's description, a conversation entry) made safe to show in a rich-text widget: only a
// small allow-list of formatting tags stays, without any attribute; scripts, styles, frames and their content go,
// images and links become their text. Nothing in the result makes a widget fetch or run anything.
class SafeHtml final
{
    Q_DECLARE_TR_FUNCTIONS(SafeHtml)

public:
    // `text` is HTML when it has tags; otherwise plain text (escaped, line breaks kept).
    static QString fromHelpdesk(const QString &text);
    static bool looksLikeHtml(const QString &text);
};

} // namespace cb::ui
