#include "keychainsecretstore.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QCoroSignal>
#include <qt6keychain/keychain.h>

#include <memory>

namespace cb {

namespace {

struct JobDeleter
{
    void operator()(QKeychain::Job *job) const { job->deleteLater(); }
};

template<typename J>
using JobPtr = std::unique_ptr<J, JobDeleter>;

Error keychainError(QKeychain::Error code, const QString &what)
{
    switch (code) {
    case QKeychain::EntryNotFound:
        return Error::make(
            Error::Kind::NotFound,
            QCoreApplication::translate("cb::CoreMessages",
                                        "No API key is stored in the keychain for this integration; reconnect it "
                                        "or run `rotate-key`."));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error::make(
            Error::Kind::Auth,
            QCoreApplication::translate("cb::CoreMessages",
                                        "The keychain refused access; unlock it and allow Casebridge, then try "
                                        "again."),
            what);
    default:
        return Error::make(
            Error::Kind::Unavailable,
            QCoreApplication::translate("cb::CoreMessages",
                                        "The system keychain is not available; log in to a desktop session with a "
                                        "keyring, or set ENCRYPTION_KEY for headless use."),
            what);
    }
}

Error timedOut()
{
    return Error::make(
        Error::Kind::Unavailable,
        QCoreApplication::translate("cb::CoreMessages",
                                    "The system keychain did not answer; unlock it, or set ENCRYPTION_KEY for "
                                    "headless use."));
}

} // namespace

KeychainSecretStore::KeychainSecretStore(std::chrono::milliseconds timeout)
    : m_timeout(timeout)
{}

QCoro::Task<Result<QByteArray>> KeychainSecretStore::read(QString integrationId)
{
    JobPtr<QKeychain::ReadPasswordJob> job(new QKeychain::ReadPasswordJob(serviceName()));
    job->setAutoDelete(false);
    job->setKey(integrationId);
    job->start();
    auto done = co_await qCoro(job.get(), &QKeychain::Job::finished, m_timeout);
    if (!done)
        co_return timedOut();
    if (job->error() != QKeychain::NoError)
        co_return keychainError(job->error(), job->errorString());
    co_return job->binaryData();
}

QCoro::Task<Status> KeychainSecretStore::write(QString integrationId, QByteArray secret)
{
    JobPtr<QKeychain::WritePasswordJob> job(new QKeychain::WritePasswordJob(serviceName()));
    job->setAutoDelete(false);
    job->setKey(integrationId);
    job->setBinaryData(secret);
    job->start();
    auto done = co_await qCoro(job.get(), &QKeychain::Job::finished, m_timeout);
    if (!done)
        co_return timedOut();
    if (job->error() != QKeychain::NoError)
        co_return keychainError(job->error(), job->errorString());
    co_return Ok{};
}

QCoro::Task<Status> KeychainSecretStore::remove(QString integrationId)
{
    JobPtr<QKeychain::DeletePasswordJob> job(new QKeychain::DeletePasswordJob(serviceName()));
    job->setAutoDelete(false);
    job->setKey(integrationId);
    job->start();
    auto done = co_await qCoro(job.get(), &QKeychain::Job::finished, m_timeout);
    if (!done)
        co_return timedOut();
    if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
        co_return keychainError(job->error(), job->errorString());
    co_return Ok{};
}

QCoro::Task<bool> KeychainSecretStore::isAvailable()
{
    auto probe = co_await read(QStringLiteral("casebridge-availability-probe"));
    co_return probe.ok() || probe.error().kind == Error::Kind::NotFound;
}

QCoro::Task<Status> KeychainSecretStore::checkWritable()
{
    if (co_await isAvailable())
        co_return Ok{};
    Error e =
        Error::make(Error::Kind::Unsupported,
                    QCoreApplication::translate(
                        "cb::CoreMessages", "No keyring answers, and ENCRYPTION_KEY is not set: an API key cannot be "
                                            "stored. Unlock or start your desktop's keyring (GNOME Keyring, KWallet), "
                                            "or quit and start Casebridge with ENCRYPTION_KEY set to 64 hex characters "
                                            "(e.g. `openssl rand -hex 32`)."));
    e.code = QStringLiteral("no_secret_store");
    co_return e;
}

} // namespace cb
