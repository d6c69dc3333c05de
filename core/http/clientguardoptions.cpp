#include "clientguardoptions.h"

#include <QStringList>

namespace cb {

bool ClientGuardOptions::parseAllowList(const QString &spec, QString *error)
{
    QList<QPair<QHostAddress, int>> out;
    const QStringList parts = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString part : parts) {
        part = part.trimmed();
        QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(part);
        if (subnet.first.isNull() && !part.contains(QLatin1Char('/'))) {
            const QHostAddress single(part);
            if (!single.isNull())
                subnet = {single, single.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
        }
        if (subnet.first.isNull()) {
            if (error)
                *error =
                    QStringLiteral("'%1' is not an address or CIDR subnet; write e.g. 10.0.0.0/8,127.0.0.1.").arg(part);
            return false;
        }
        out.append(subnet);
    }
    allow = out;
    return true;
}

} // namespace cb
