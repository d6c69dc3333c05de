// Sync benchmark against the sandbox helpdesk at the Pro plan's real limits (tickets list 100/min, 400 calls/min):
//  1. import N tickets (default 10,000): prints API calls against ⌈N/100⌉ and the time against the rate-limit
//     bound (the calls beyond one minute's list allowance must wait for the next window);
//  2. one reconcile over the N linked cases after 50 tickets changed in the helpdesk: prints its calls (target ≤ 3).
// Figures only; CI does not time. Usage: bench_sync [N]
#include "clirunner.h"
#include "serveprocess.h"
#include "tempstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <cstdio>

using namespace cb;
using namespace cb::test;

namespace {
void controlPost(QNetworkAccessManager &nam, const QString &url, const QJsonObject &body)
{
    QNetworkRequest req{QUrl(url)};
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.post(req, QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(100, QByteArray(argv[1]).toInt()) : 10000;
    qputenv("ENCRYPTION_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    ServeProcess sandbox;
    if (!sandbox.startCommand({QStringLiteral("--json"), QStringLiteral("sandbox"), QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:0"), QStringLiteral("--tickets"), QString::number(n),
                               QStringLiteral("--plan"), QStringLiteral("pro")},
                              QStringLiteral("url"))) {
        std::fprintf(stderr, "bench_sync: the sandbox did not start\n");
        return 1;
    }
    const QString url = sandbox.startupJson().value(QStringLiteral("url")).toString();
    TempStore store;
    const auto db = [&store](QStringList args) {
        return QStringList{QStringLiteral("--database"), store.path(), QStringLiteral("--json")} + args;
    };
    const CliResult connected =
        runCli(db({QStringLiteral("connect"), QStringLiteral("freshdesk"), QStringLiteral("--domain"),
                   sandbox.startupJson().value(QStringLiteral("domain")).toString(), QStringLiteral("--api-key-stdin"),
                   QStringLiteral("--no-backfill")}),
               "sandbox-admin-key\n");
    const QString id =
        QJsonDocument::fromJson(connected.out).object().value(QStringLiteral("integration_id")).toString();
    if (connected.exitCode != 0 || id.isEmpty()) {
        std::fprintf(stderr, "bench_sync: connect failed: %s\n", connected.err.constData());
        return 1;
    }

    QElapsedTimer t;
    t.start();
    const CliResult imported = runCli(db({QStringLiteral("import"), id}), {}, 3600000);
    const double importSeconds = t.elapsed() / 1000.0;
    const QJsonObject s = QJsonDocument::fromJson(imported.out).object();
    const int calls = s.value(QStringLiteral("calls")).toInt();
    const int lower = (n + 99) / 100;
    // Pro: 100 list calls per minute; calls beyond each full minute's allowance wait for the next window.
    const double boundSeconds = 60.0 * ((calls - 1) / 100);
    std::printf("import %d tickets (Pro plan): imported %d, %d API calls (lower bound %d), %.1f s "
                "(rate-limit bound %.0f s, %.0f tickets/s)\n",
                n, s.value(QStringLiteral("imported")).toInt(), calls, lower, importSeconds, boundSeconds,
                n / importSeconds);

    runCli(db({QStringLiteral("reconcile"), id})); // catches up from the import's watermark
    QNetworkAccessManager nam;
    for (int i = 0; i < 50; ++i)
        controlPost(nam, url + QStringLiteral("/_sandbox/agent-edit/%1").arg(1 + i * (n / 50)),
                    QJsonObject{{QStringLiteral("priority"), 1 + i % 4}});
    t.restart();
    const CliResult rec = runCli(db({QStringLiteral("reconcile"), id}));
    const QJsonObject r = QJsonDocument::fromJson(rec.out).object();
    std::printf("reconcile over %d linked cases, 50 changed: %d API calls (target <= 3), %d listed, %d cases "
                "updated, %.2f s\n",
                n, r.value(QStringLiteral("calls")).toInt(), r.value(QStringLiteral("changed")).toInt(),
                r.value(QStringLiteral("applied")).toInt(), t.elapsed() / 1000.0);
    sandbox.terminate();
    return imported.exitCode == 0 && rec.exitCode == 0 ? 0 : 1;
}
