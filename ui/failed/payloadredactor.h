#pragma once

#include <QByteArray>
#include <QString>

namespace cb::ui {

// A stored webhook body made fit to show: JSON pretty-printed (form bodies one field a line), values of keys that
// look like credentials (secret, password, token, api_key, authorization) replaced by "•••", e-mail addresses
// masked to their first letter and domain, and the text capped at 64 KiB.
class PayloadRedactor
{
public:
    static QString redact(const QByteArray &body);
};

} // namespace cb::ui
