#include "phonenumber.h"

#include <QRegularExpression>

namespace cb {

QString PhoneNumber::normalise(const QString &raw, const QString &defaultCallingCode)
{
    static const QRegularExpression extension(
        QStringLiteral("(?:\\s*(?:;\\s*ext\\s*=|ext\\.?|extension|x|#)\\s*\\d{1,6})\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    QString text = raw.trimmed();
    if (text.size() > 64)
        return {};
    text.remove(extension);
    text.replace(QLatin1String("(0)"), QString()); // "+44 (0)20 …": the trunk 0 written for locals
    const bool plus = text.startsWith(QLatin1Char('+'));
    QString digits;
    for (const QChar c : std::as_const(text))
        if (c.isDigit())
            digits += QChar(u'0' + c.digitValue()); // also Arabic-Indic and full-width digits
    QString cc;
    for (const QChar c : defaultCallingCode)
        if (c.isDigit())
            cc += c;
    if (cc.isEmpty())
        cc = QStringLiteral("1");

    QString e164;
    if (plus) {
        e164 = digits;
    } else if (digits.startsWith(QLatin1String("00"))) {
        e164 = digits.mid(2); // international prefix in most of the world
    } else if (cc == QLatin1String("1") && digits.startsWith(QLatin1String("011"))) {
        e164 = digits.mid(3); // North America's international prefix
    } else if (cc == QLatin1String("1")) {
        if (digits.size() == 10)
            e164 = cc + digits;
        else
            e164 = digits; // 1 + 10 digits, or another country written without its '+'
    } else if (digits.startsWith(QLatin1Char('0'))) {
        e164 = cc + digits.mid(1);
    } else if (digits.startsWith(cc) && digits.size() >= cc.size() + 8) {
        e164 = digits; // written internationally without the '+'
    } else {
        e164 = cc + digits;
    }
    if (e164.size() < 7 || e164.size() > 15 || e164.startsWith(QLatin1Char('0')))
        return {};
    return e164;
}

} // namespace cb
