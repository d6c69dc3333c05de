// libFuzzer target for the webhook payload parser (built by scripts/fuzz.sh with clang, not by CMake).
// Every input must parse to a payload or an error — never crash, hang or read out of bounds — and the event key
// must be derivable either way.
#include "webhook/webhookpayloadparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the content type, the rest is the body.
    static const QByteArray types[] = {"application/json", "application/x-www-form-urlencoded", "", "text/xml"};
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const cb::WebhookPayloadParser parser;
    const auto parsed = parser.parse(body, types[data[0] % 4]);
    const QString key = cb::WebhookPayloadParser::eventKey(parsed ? &*parsed : nullptr, body, {});
    if (key.isEmpty())
        __builtin_trap();
    cb::WebhookPayloadParser::parseTriggeredEvent(QString::fromUtf8(body));
    return 0;
}
