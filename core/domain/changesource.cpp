#include "changesource.h"

namespace cb {

QString toString(ChangeSource source)
{
    switch (source) {
    case ChangeSource::User:
        return QStringLiteral("user");
    case ChangeSource::Import:
        return QStringLiteral("import");
    case ChangeSource::Webhook:
        return QStringLiteral("webhook");
    case ChangeSource::Reconciler:
        return QStringLiteral("reconciler");
    }
    return {};
}

std::optional<ChangeSource> changeSourceFromString(const QString &text)
{
    for (auto s : {ChangeSource::User, ChangeSource::Import, ChangeSource::Webhook, ChangeSource::Reconciler}) {
        if (toString(s) == text)
            return s;
    }
    return std::nullopt;
}

} // namespace cb
