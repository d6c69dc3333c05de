#include "loopbacksandbox.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QtTest>

using namespace cb;
using namespace cb::test;

namespace {
QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

// Same keys with the same JSON types, recursively for objects and on the first element of arrays (when both have
// one); a null in the fixture matches anything (Freshdesk writes blank fields as null).
void compareShape(const QJsonValue &fixture, const QJsonValue &actual, const QString &path, QStringList *diffs)
{
    if (fixture.isNull())
        return;
    if (fixture.type() != actual.type()) {
        diffs->append(
            QStringLiteral("%1: %2 in the fixture, %3 in the sandbox").arg(path, typeName(fixture), typeName(actual)));
        return;
    }
    if (fixture.isObject()) {
        const QJsonObject f = fixture.toObject();
        const QJsonObject a = actual.toObject();
        for (auto it = f.begin(); it != f.end(); ++it) {
            if (!a.contains(it.key()))
                diffs->append(QStringLiteral("%1.%2: missing in the sandbox").arg(path, it.key()));
            else
                compareShape(it.value(), a.value(it.key()), path + QLatin1Char('.') + it.key(), diffs);
        }
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!f.contains(it.key()))
                diffs->append(QStringLiteral("%1.%2: only in the sandbox").arg(path, it.key()));
        }
    } else if (fixture.isArray()) {
        const QJsonArray f = fixture.toArray();
        const QJsonArray a = actual.toArray();
        if (!f.isEmpty() && !a.isEmpty()) // an empty list is a value, not a shape
            compareShape(f.first(), a.first(), path + QStringLiteral("[0]"), diffs);
    }
}
} // namespace

// Each recorded Freshdesk response in tests/data/freshdesk-fixtures/ (see its README) against the sandbox's answer to the
// same request, over loopback HTTP.
class TestSandboxFidelity : public QObject
{
    Q_OBJECT

    std::unique_ptr<LoopbackSandbox> m_s;

    static QString fixtureDir() { return QStringLiteral(CB_SOURCE_DIR "/tests/data/freshdesk-fixtures"); }

    // The sandbox's counterpart of a fixture: the request the fixture recorded, on a fresh ticket 1.
    ProbeReply counterpart(const QString &fixture)
    {
        if (fixture == QLatin1String("ticket_view_include_stats.json"))
            return m_s->api().get(QStringLiteral("/api/v2/tickets/1?include=stats"));
        if (fixture == QLatin1String("ticket_conversations_list.json")) {
            // as recorded: a public note first, then a private note and an e-mail reply
            m_s->api().send("POST", QStringLiteral("/api/v2/tickets/1/notes"),
                            QJsonObject{{QStringLiteral("body"), QStringLiteral("<div>public</div>")},
                                        {QStringLiteral("private"), false}});
            m_s->api().send("POST", QStringLiteral("/api/v2/tickets/1/notes"),
                            QJsonObject{{QStringLiteral("body"), QStringLiteral("<div>private</div>")}});
            m_s->api().send("POST", QStringLiteral("/api/v2/tickets/1/reply"),
                            QJsonObject{{QStringLiteral("body"), QStringLiteral("<div>Hi</div>")}});
            return m_s->api().get(QStringLiteral("/api/v2/tickets/1/conversations"));
        }
        if (fixture == QLatin1String("error_400_validation_failed.json"))
            return m_s->api().send("PUT", QStringLiteral("/api/v2/tickets/1"),
                                   QJsonObject{{QStringLiteral("status"), 99}, {QStringLiteral("priority"), 9}});
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_s = std::make_unique<LoopbackSandbox>(SandboxHelpdesk::Plan::named(QStringLiteral("pro")));
        m_s->helpdesk().account().createTicket(QStringLiteral("Fiber Connectivity Issue"),
                                               QStringLiteral("jjin@molex.example"), QDateTime::currentDateTimeUtc());
        // assigned, like the recorded ticket
        QCOMPARE(m_s->api()
                     .send("PUT", QStringLiteral("/api/v2/tickets/1"),
                           QJsonObject{{QStringLiteral("responder_id"), m_s->helpdesk().account().agentId}})
                     .status,
                 200);
    }

    void sameKeysAndTypes_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(fixtureDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY2(!files.isEmpty(), qPrintable(QStringLiteral("no fixtures in ") + fixtureDir()));
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f;
    }

    void sameKeysAndTypes()
    {
        QFETCH(QString, file);
        QFile f(fixtureDir() + QLatin1Char('/') + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonParseError perr{};
        const QJsonDocument fixture = QJsonDocument::fromJson(f.readAll(), &perr);
        QVERIFY2(perr.error == QJsonParseError::NoError, qPrintable(perr.errorString()));
        const ProbeReply reply = counterpart(file);
        QVERIFY2(reply.status != 0, qPrintable(QStringLiteral("no sandbox request is known for the fixture ") + file));
        QCOMPARE(reply.status, file.startsWith(QLatin1String("error_400")) ? 400 : 200);
        QCOMPARE(reply.header("Content-Type").left(16), QByteArray("application/json"));
        const QJsonValue expected = fixture.isArray() ? QJsonValue(fixture.array()) : QJsonValue(fixture.object());
        const QJsonValue actual =
            reply.json.isArray() ? QJsonValue(reply.json.array()) : QJsonValue(reply.json.object());
        QStringList diffs;
        compareShape(expected, actual, QStringLiteral("$"), &diffs);
        if (file == QLatin1String("ticket_conversations_list.json")) // the e-mail reply, third in both
            compareShape(expected.toArray().at(2), actual.toArray().at(2), QStringLiteral("$[2]"), &diffs);
        QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(QStringLiteral("\n  "))));
    }

    void theComparisonCanFail()
    {
        QStringList diffs;
        compareShape(QJsonObject{{QStringLiteral("a"), 1},
                                 {QStringLiteral("b"), QJsonArray{QJsonObject{{QStringLiteral("c"), true}}}}},
                     QJsonObject{{QStringLiteral("a"), QStringLiteral("1")},
                                 {QStringLiteral("b"), QJsonArray{QJsonObject{}}},
                                 {QStringLiteral("d"), 0}},
                     QStringLiteral("$"), &diffs);
        QCOMPARE(diffs.size(), 3); // a's type, b[0].c missing, d extra
        diffs.clear();
        compareShape(QJsonObject{{QStringLiteral("a"), QJsonValue::Null}}, QJsonObject{{QStringLiteral("a"), 5}},
                     QStringLiteral("$"), &diffs);
        QVERIFY(diffs.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxFidelity)
#include "tst_sandboxfidelity.moc"
