#pragma once

#include "domain/case.h"
#include "domain/importrequest.h"
#include "storage/databaselocation.h"
#include "sync/integrationmanager.h"
#include "sync/syncevents.h"
#include "sync/syncplatform.h"

#include <QThread>

namespace cb {

class ConsoleSyncBackend;

// The console's GUI-thread handle on the sync thread. It owns the thread and the ConsoleSyncBackend on it; everything
// there (the SyncHost's store, engine, receiver and helpdesk clients) is reached only through queued calls, and
// the answers are its SyncEvents signals, re-emitted here from the backend's by queued connections (declared once,
// in SyncEvents). Nothing here ever waits on the sync thread, except stop() at shutdown.
class ConsoleSyncProxy final : public SyncEvents
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSyncProxy)

public:
    explicit ConsoleSyncProxy(SyncPlatformMaker platform = {}, QObject *parent = nullptr);
    ~ConsoleSyncProxy() override;

    void start(const DatabaseLocation &location, const QString &listen = QStringLiteral("127.0.0.1:8780"));
    void stop();

    void verify(const QString &provider, const QString &domain, const QByteArray &apiKey);
    void connectIntegration(const ConnectRequest &request, bool backfill);
    void editCase(qint64 caseId, const CaseChanges &changes);
    void addComment(qint64 caseId, const QString &text);
    void handoff(qint64 caseId);
    void startImport(const QString &integrationId, const ImportRequest &request);
    void cancelImport();
    void replay(qint64 eventId);
    // A new webhook secret, the old one valid for `graceSeconds`; answered by secretRotated (shown once).
    void rotateSecret(const QString &integrationId, qint64 graceSeconds);
    // A new webhook secret at once, the old one void, for a helpdesk whose rules the console registers itself (the
    // built-in sandbox after a restart); answered by secretRenewed, which nothing shows.
    void renewSecret(const QString &integrationId);
    // Whether a real helpdesk's key can be kept (keychain answering, or ENCRYPTION_KEY); answered by
    // keyStorageChecked, never blocking.
    void checkKeyStorage();
    // Administration (answered by adminDone / adminFailed with the action: settings | directory | rotate_key |
    // disconnect | push).
    void saveSettings(const QString &integrationId, const IntegrationSettings &settings);
    void refreshDirectory(const QString &integrationId);
    void rotateKey(const QString &integrationId, const QByteArray &apiKey);
    void disconnectIntegration(const QString &integrationId);
    void retryPush(qint64 outboxId);
    void discardPush(qint64 outboxId);

    // What an import will cost before it starts: API calls and seconds at the rate limits the backend assumes
    // (the same figures importStarted reports). Pure: no I/O, callable from the GUI thread.
    static ImportEstimate estimateImport(const ImportRequest &request,
                                         const QString &provider = QStringLiteral("freshdesk"));

private:
    template<typename F>
    void onWorker(F &&f);

    QThread m_thread;
    ConsoleSyncBackend *m_backend = nullptr;
};

} // namespace cb
