#pragma once

#include <QString>

#include <optional>

namespace cb {

// Who caused a change. Only User changes are pushed to the helpdesk.
enum class ChangeSource
{
    User,
    Import,
    Webhook,
    Reconciler
};

QString toString(ChangeSource source);
std::optional<ChangeSource> changeSourceFromString(const QString &text);

} // namespace cb
