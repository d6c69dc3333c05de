#pragma once

#include <QString>

namespace cb {

// Phone numbers compared as E.164 digits (no '+'): "+49 (30) 1234-567", "0049 30 1234567" and, with default
// calling code 49, "030 1234567" are all "49301234567". Extensions ("x12", "ext. 12", ";ext=12", "#12") are
// dropped. North American numbers (calling code 1) are 10 national digits; elsewhere a national number's trunk
// prefix 0 is dropped. Anything that is not 7 to 15 digits afterwards is no number (empty).
class PhoneNumber
{
public:
    static QString normalise(const QString &raw, const QString &defaultCallingCode = QStringLiteral("1"));
};

} // namespace cb
