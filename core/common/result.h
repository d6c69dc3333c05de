#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace cb {

// What went wrong, in two voices: `message` is one sentence for a person and says what to do;
// `detail` is for logs and never contains a secret, a header value or a whole payload.
struct Error
{
    enum class Kind
    {
        Internal,    // a bug or an unexpected state
        Usage,       // bad input from the caller
        NotFound,    // the thing asked for does not exist
        Conflict,    // uniqueness or state conflict
        Auth,        // credentials rejected or insufficient
        Unavailable, // network, server or database temporarily unavailable: worth retrying
        RateLimited, // the remote asked us to wait
        Storage,     // the database failed
        Unsupported, // the schema, plan or feature is not supported
        Cancelled,
    };

    Kind kind = Kind::Internal;
    QString message;
    QString detail;
    QString code;               // a stable machine code, e.g. invalid_credentials, not_admin, unknown_domain
    int httpStatus = 0;         // when the error came from an HTTP answer
    int retryAfterSeconds = -1; // when the remote said how long to wait

    static Error make(Kind kind, QString message, QString detail = {});
    bool isTransient() const;
    QString toLogString() const;
};

// A value or an Error. Default-constructible (QCoro 0.8's waitFor needs that); a default Result holds an
// Internal error so that forgetting to assign one is never mistaken for success.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result()
        : m_value(Error::make(Error::Kind::Internal, QStringLiteral("No result was produced.")))
    {}
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Error error)
        : m_value(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_value); }
    T &value() & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

// Success without a value.
struct Ok
{
};

using Status = Result<Ok>;

// For bookkeeping whose failure nobody can act on at that point (e.g. marking work done after the remote call
// succeeded): the failure is logged, never silently dropped.
void logIfFailed(const Error &error, const char *what);
template<typename T>
void logIfFailed(const Result<T> &result, const char *what)
{
    if (!result)
        logIfFailed(result.error(), what);
}

} // namespace cb
