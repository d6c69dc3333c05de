#include "loopbacksandbox.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
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

// Fields whose value belongs to the recorded account, not to the API: compared by kind, not by value.
enum class Kind
{
    Id,
    Timestamp,
    Mailbox,
    DeliveryList
};
const QHash<QString, Kind> kPerAccount = {
    {QStringLiteral("id"), Kind::Id},
    {QStringLiteral("requester_id"), Kind::Id},
    {QStringLiteral("responder_id"), Kind::Id},
    {QStringLiteral("user_id"), Kind::Id},
    {QStringLiteral("ticket_id"), Kind::Id},
    {QStringLiteral("created_at"), Kind::Timestamp},
    {QStringLiteral("updated_at"), Kind::Timestamp},
    {QStringLiteral("due_by"), Kind::Timestamp},
    {QStringLiteral("fr_due_by"), Kind::Timestamp},
    {QStringLiteral("status_updated_at"), Kind::Timestamp},
    {QStringLiteral("support_email"), Kind::Mailbox}, // the account's mailbox
    {QStringLiteral("from_email"), Kind::Mailbox},
    {QStringLiteral("failed_emails"), Kind::DeliveryList}, // what the recorded account's mail server did
    {QStringLiteral("pending_emails"), Kind::DeliveryList},
};

// A null in a fixture is a blank field: the sandbox may answer null or a value of the field's documented type
// (docs/freshdesk-api.md, the ticket and conversation objects). A field not listed here must be null too.
const QHash<QString, QString> kDocumentedTypes = {
    {QStringLiteral("email_config_id"), QStringLiteral("number")},
    {QStringLiteral("group_id"), QStringLiteral("number")},
    {QStringLiteral("company_id"), QStringLiteral("number")},
    {QStringLiteral("product_id"), QStringLiteral("number")},
    {QStringLiteral("responder_id"), QStringLiteral("number")},
    {QStringLiteral("association_type"), QStringLiteral("number")},
    {QStringLiteral("type"), QStringLiteral("string")},
    {QStringLiteral("support_email"), QStringLiteral("string")},
    {QStringLiteral("from_email"), QStringLiteral("string")},
    {QStringLiteral("to_emails"), QStringLiteral("array")},
    {QStringLiteral("bcc_emails"), QStringLiteral("array")},
    {QStringLiteral("source_additional_info"), QStringLiteral("object")},
    {QStringLiteral("nr_due_by"), QStringLiteral("string")},
    {QStringLiteral("last_edited_at"), QStringLiteral("string")},
    {QStringLiteral("last_edited_user_id"), QStringLiteral("number")},
    {QStringLiteral("agent_responded_at"), QStringLiteral("string")},
    {QStringLiteral("requester_responded_at"), QStringLiteral("string")},
    {QStringLiteral("first_responded_at"), QStringLiteral("string")},
    {QStringLiteral("reopened_at"), QStringLiteral("string")},
    {QStringLiteral("resolved_at"), QStringLiteral("string")},
    {QStringLiteral("closed_at"), QStringLiteral("string")},
    {QStringLiteral("pending_since"), QStringLiteral("string")},
};

bool isMailbox(const QJsonValue &v)
{
    return v.isString() && v.toString().contains(QLatin1Char('@'));
}

QString kindProblem(Kind kind, const QJsonValue &actual)
{
    static const QRegularExpression timestamp(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
    switch (kind) {
    case Kind::Id:
        return actual.isDouble() && actual.toDouble() > 0 && actual.toDouble() == double(actual.toInteger())
                   ? QString()
                   : QStringLiteral("not a positive integer id");
    case Kind::Timestamp:
        return timestamp.match(actual.toString()).hasMatch() ? QString() : QStringLiteral("not a UTC timestamp");
    case Kind::Mailbox:
        return isMailbox(actual) ? QString() : QStringLiteral("not an e-mail address");
    case Kind::DeliveryList: {
        const QJsonArray a = actual.toArray();
        return std::all_of(a.begin(), a.end(), [](const QJsonValue &e) { return isMailbox(e); })
                   ? QString()
                   : QStringLiteral("not a list of e-mail addresses");
    }
    }
    return {};
}

QString compact(const QJsonValue &v)
{
    if (v.isString())
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

// A validation message without the account's own list of values ("It should be one of these values: '…'").
QString withoutValueList(QString message)
{
    static const QRegularExpression list(QStringLiteral("values: '[^']*'"));
    return message.replace(list, QStringLiteral("values: '…'"));
}

// The errors of a 400 body, matched by field: each error the sandbox gives has the fixture's code and message
// (the account's value lists aside) for that field, and each field of `sent` is answered.
void compareErrors(const QJsonArray &fixture, const QJsonArray &actual, const QStringList &sent, const QString &path,
                   QStringList *diffs)
{
    QHash<QString, QJsonObject> recorded;
    for (const QJsonValue &e : fixture)
        recorded.insert(e[QStringLiteral("field")].toString(), e.toObject());
    QStringList answered;
    for (const QJsonValue &e : actual) {
        const QString field = e[QStringLiteral("field")].toString();
        answered.append(field);
        const QString at = QStringLiteral("%1[field=%2]").arg(path, field);
        if (!recorded.contains(field)) {
            diffs->append(at + QStringLiteral(": only in the sandbox"));
            continue;
        }
        const QJsonObject r = recorded.value(field);
        for (const QString &key : {QStringLiteral("code"), QStringLiteral("message")}) {
            const QString want = withoutValueList(r.value(key).toString());
            const QString got = withoutValueList(e[key].toString());
            if (want != got)
                diffs->append(
                    QStringLiteral("%1.%2: \"%3\" in the fixture, \"%4\" in the sandbox").arg(at, key, want, got));
        }
    }
    for (const QString &field : sent) {
        if (!answered.contains(field))
            diffs->append(QStringLiteral("%1[field=%2]: missing in the sandbox").arg(path, field));
    }
}

// Same keys, same JSON types and the same values, recursively through objects and every array element; fields of
// the recorded account (kPerAccount) are compared by kind; a null in the fixture matches null or the field's
// documented type.
void compareValues(const QJsonValue &fixture, const QJsonValue &actual, const QString &key, const QString &path,
                   QStringList *diffs)
{
    if (fixture.isNull()) {
        if (!actual.isNull() && typeName(actual) != kDocumentedTypes.value(key))
            diffs->append(QStringLiteral("%1: null in the fixture, %2 in the sandbox (documented: %3)")
                              .arg(path, typeName(actual), kDocumentedTypes.value(key, QStringLiteral("null only"))));
        return;
    }
    if (fixture.type() != actual.type()) {
        diffs->append(
            QStringLiteral("%1: %2 in the fixture, %3 in the sandbox").arg(path, typeName(fixture), typeName(actual)));
        return;
    }
    if (const auto kind = kPerAccount.constFind(key); kind != kPerAccount.cend()) {
        if (const QString problem = kindProblem(*kind, actual); !problem.isEmpty())
            diffs->append(QStringLiteral("%1: %2 is %3").arg(path, compact(actual), problem));
        return;
    }
    if (fixture.isObject()) {
        const QJsonObject f = fixture.toObject();
        const QJsonObject a = actual.toObject();
        for (auto it = f.begin(); it != f.end(); ++it) {
            if (!a.contains(it.key()))
                diffs->append(QStringLiteral("%1.%2: missing in the sandbox").arg(path, it.key()));
            else
                compareValues(it.value(), a.value(it.key()), it.key(), path + QLatin1Char('.') + it.key(), diffs);
        }
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!f.contains(it.key()))
                diffs->append(QStringLiteral("%1.%2: only in the sandbox").arg(path, it.key()));
        }
    } else if (fixture.isArray()) {
        const QJsonArray f = fixture.toArray();
        const QJsonArray a = actual.toArray();
        if (f.size() != a.size())
            diffs->append(QStringLiteral("%1: %2 elements in the fixture, %3 in the sandbox")
                              .arg(path)
                              .arg(f.size())
                              .arg(a.size()));
        for (qsizetype i = 0; i < std::min(f.size(), a.size()); ++i)
            compareValues(f.at(i), a.at(i), key, QStringLiteral("%1[%2]").arg(path).arg(i), diffs);
    } else if (fixture != actual) {
        diffs->append(
            QStringLiteral("%1: %2 in the fixture, %3 in the sandbox").arg(path, compact(fixture), compact(actual)));
    }
}

// The fields of the recorded 400 that an update can send: the others (parent_id, attachments, cc_emails, a blank
// responder_id) are errors only on create, which the sandbox does not offer.
const QJsonObject kInvalidUpdate{{QStringLiteral("status"), 99},
                                 {QStringLiteral("priority"), 9},
                                 {QStringLiteral("internal_group_id"), 1},
                                 {QStringLiteral("internal_agent_id"), 1},
                                 {QStringLiteral("source"), 99},
                                 {QStringLiteral("tags"), QJsonValue::Null},
                                 {QStringLiteral("custom_fields"), QJsonValue::Null},
                                 {QStringLiteral("unique_external_id"), QJsonValue::Null}};
} // namespace

// Each recorded Freshdesk response in tests/data/freshdesk-fixtures/ (see its README) against the sandbox's answer
// to the same request, over loopback HTTP.
class TestSandboxFidelity : public QObject
{
    Q_OBJECT

    std::unique_ptr<LoopbackSandbox> m_s;

    static QString fixtureDir() { return QStringLiteral(CB_SOURCE_DIR "/tests/data/freshdesk-fixtures"); }

    static QJsonValue readFixture(const QString &file)
    {
        QFile f(fixtureDir() + QLatin1Char('/') + file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }

    // The sandbox's counterpart of a fixture: the request the fixture recorded, with the content it recorded.
    ProbeReply counterpart(const QString &file, const QJsonValue &fixture)
    {
        if (file == QLatin1String("ticket_view_include_stats.json")) {
            // the recorded ticket: assigned, with its priority, type and description
            const QJsonObject t = fixture.toObject();
            const ProbeReply put =
                m_s->api().send("PUT", QStringLiteral("/api/v2/tickets/1"),
                                QJsonObject{{QStringLiteral("responder_id"), m_s->helpdesk().account().agentId},
                                            {QStringLiteral("priority"), t.value(QStringLiteral("priority"))},
                                            {QStringLiteral("type"), t.value(QStringLiteral("type"))},
                                            {QStringLiteral("description"), t.value(QStringLiteral("description"))}});
            if (put.status != 200)
                return put;
            return m_s->api().get(QStringLiteral("/api/v2/tickets/1?include=stats"));
        }
        if (file == QLatin1String("ticket_conversations_list.json")) {
            // as recorded, in order: notes (public or private, with the addresses they notified) and replies
            for (const QJsonValue &c : fixture.toArray()) {
                const bool reply = c[QStringLiteral("source")].toInt() == 0;
                QJsonObject body{{QStringLiteral("body"), c[QStringLiteral("body")]}};
                if (!reply) {
                    body.insert(QStringLiteral("private"), c[QStringLiteral("private")]);
                    if (!c[QStringLiteral("to_emails")].toArray().isEmpty())
                        body.insert(QStringLiteral("notify_emails"), c[QStringLiteral("to_emails")]);
                }
                const ProbeReply posted = m_s->api().send(
                    "POST",
                    QStringLiteral("/api/v2/tickets/1/") + (reply ? QStringLiteral("reply") : QStringLiteral("notes")),
                    body);
                if (posted.status != 201)
                    return posted;
            }
            return m_s->api().get(QStringLiteral("/api/v2/tickets/1/conversations"));
        }
        if (file == QLatin1String("error_400_validation_failed.json"))
            return m_s->api().send("PUT", QStringLiteral("/api/v2/tickets/1"), kInvalidUpdate);
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_s = std::make_unique<LoopbackSandbox>(SandboxHelpdesk::Plan::named(QStringLiteral("pro")));
        // the recorded ticket's subject; the recorded reply went to this requester
        m_s->helpdesk().account().createTicket(QStringLiteral("Fiber Connectivity Issue"),
                                               QStringLiteral("jjin@molex.com"), QDateTime::currentDateTimeUtc());
    }

    void sameKeysTypesAndValues_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = QDir(fixtureDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 3, qPrintable(QStringLiteral("fixtures missing in ") + fixtureDir()));
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f;
    }

    void sameKeysTypesAndValues()
    {
        QFETCH(QString, file);
        const QJsonValue expected = readFixture(file);
        QVERIFY2(expected.isArray() || expected.isObject(), qPrintable(file + QStringLiteral(" is not readable JSON")));
        const ProbeReply reply = counterpart(file, expected);
        QVERIFY2(reply.status != 0, qPrintable(QStringLiteral("no sandbox request is known for the fixture ") + file));
        QVERIFY2(reply.status == (file.startsWith(QLatin1String("error_400")) ? 400 : 200), reply.body.constData());
        QCOMPARE(reply.header("Content-Type").left(16), QByteArray("application/json"));
        const QJsonValue actual =
            reply.json.isArray() ? QJsonValue(reply.json.array()) : QJsonValue(reply.json.object());
        QStringList diffs;
        if (file.startsWith(QLatin1String("error_400"))) {
            QJsonObject f = expected.toObject();
            QJsonObject a = actual.toObject();
            compareErrors(f.take(QStringLiteral("errors")).toArray(), a.take(QStringLiteral("errors")).toArray(),
                          kInvalidUpdate.keys(), QStringLiteral("$.errors"), &diffs);
            compareValues(f, a, QString(), QStringLiteral("$"), &diffs);
        } else {
            compareValues(expected, actual, QString(), QStringLiteral("$"), &diffs);
        }
        QVERIFY2(diffs.isEmpty(), qPrintable(file + QStringLiteral(":\n  ") + diffs.join(QStringLiteral("\n  "))));
    }

    void theComparisonCanFail()
    {
        QStringList diffs;
        compareValues(QJsonObject{{QStringLiteral("a"), 1},
                                  {QStringLiteral("b"), QJsonArray{QJsonObject{{QStringLiteral("c"), true}}}}},
                      QJsonObject{{QStringLiteral("a"), QStringLiteral("1")},
                                  {QStringLiteral("b"), QJsonArray{QJsonObject{}}},
                                  {QStringLiteral("d"), 0}},
                      QString(), QStringLiteral("$"), &diffs);
        QCOMPARE(diffs.size(), 3); // a's type, b[0].c missing, d extra

        // the right shape with the wrong content
        diffs.clear();
        compareValues(QJsonObject{{QStringLiteral("status"), 2},
                                  {QStringLiteral("body_text"), QStringLiteral("Hi  there")},
                                  {QStringLiteral("tags"), QJsonArray{QStringLiteral("a")}},
                                  {QStringLiteral("created_at"), QStringLiteral("2024-12-26T14:20:14Z")},
                                  {QStringLiteral("id"), 7}},
                      QJsonObject{{QStringLiteral("status"), 3},
                                  {QStringLiteral("body_text"), QStringLiteral("Hithere")},
                                  {QStringLiteral("tags"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}},
                                  {QStringLiteral("created_at"), QStringLiteral("26.12.2024")},
                                  {QStringLiteral("id"), -1}},
                      QString(), QStringLiteral("$"), &diffs);
        QCOMPARE(diffs.size(), 5);

        // per-account fields by kind; a null matches null or the documented type only
        diffs.clear();
        compareValues(QJsonObject{{QStringLiteral("id"), 101},
                                  {QStringLiteral("group_id"), QJsonValue::Null},
                                  {QStringLiteral("to_emails"), QJsonValue::Null},
                                  {QStringLiteral("thread_id"), QJsonValue::Null}},
                      QJsonObject{{QStringLiteral("id"), 1},
                                  {QStringLiteral("group_id"), 11000001},
                                  {QStringLiteral("to_emails"), QJsonValue::Null},
                                  {QStringLiteral("thread_id"), QJsonValue::Null}},
                      QString(), QStringLiteral("$"), &diffs);
        QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(QLatin1Char('\n'))));
        compareValues(
            QJsonObject{{QStringLiteral("group_id"), QJsonValue::Null},
                        {QStringLiteral("thread_id"), QJsonValue::Null}},
            QJsonObject{{QStringLiteral("group_id"), QStringLiteral("11000001")}, {QStringLiteral("thread_id"), 5}},
            QString(), QStringLiteral("$"), &diffs);
        QCOMPARE(diffs.size(), 2);

        // errors by field: the value list is the account's, the rest of the message is not
        diffs.clear();
        const auto error = [](const char *field, const char *message, const char *code) {
            return QJsonObject{{QStringLiteral("field"), QLatin1String(field)},
                               {QStringLiteral("message"), QLatin1String(message)},
                               {QStringLiteral("code"), QLatin1String(code)}};
        };
        const QJsonArray recorded{
            error("status", "It should be one of these values: '2,3,4,5'", "invalid_value"),
            error("tags", "Value set is of type Null.It should be a/an Array", "datatype_mismatch")};
        compareErrors(
            recorded,
            QJsonArray{error("status", "It should be one of these values: '2,3,4,5,6,7'", "invalid_value"),
                       error("tags", "Value set is of type Null.It should be a/an Array", "datatype_mismatch")},
            {QStringLiteral("status"), QStringLiteral("tags")}, QStringLiteral("$"), &diffs);
        QVERIFY2(diffs.isEmpty(), qPrintable(diffs.join(QLatin1Char('\n'))));
        compareErrors(recorded,
                      QJsonArray{error("status", "It should be one of these values: '2,3,4,5'", "invalid_field"),
                                 error("tags", "It should be a/an Array", "datatype_mismatch"),
                                 error("subject", "It should be a/an String", "datatype_mismatch")},
                      {QStringLiteral("status"), QStringLiteral("tags"), QStringLiteral("priority")},
                      QStringLiteral("$"), &diffs);
        QCOMPARE(diffs.size(), 4); // status's code, tags' message, subject extra, priority unanswered
    }
};

QTEST_GUILESS_MAIN(TestSandboxFidelity)
#include "tst_sandboxfidelity.moc"
