#pragma once

#include <QTranslator>

namespace cb::ui {

// The console's source strings are English with "%n word(s)" numerus forms; Qt leaves "(s)" as it is when no
// translation is loaded. Installed for English (no casebridge_<lang>.qm found), this translator says "1 case" and
// "2 cases": the "(s)" of the word (or second word) after %n follows n; other text is left to the source.
class EnglishPlurals final : public QTranslator
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnglishPlurals)

public:
    explicit EnglishPlurals(QObject *parent = nullptr);

    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }
    // The source text with the "(s)" that belongs to %n settled for n (a null string when there is none).
    static QString settle(const QString &source, int n);
};

} // namespace cb::ui
