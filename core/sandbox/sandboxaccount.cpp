#include "sandboxaccount.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace cb {

QString SandboxAccount::stamp(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString SandboxAccount::textOf(const QString &html)
{
    static const QRegularExpression lineBreak(QStringLiteral("<br\\s*/?>"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    QString text = html;
    text.replace(lineBreak, QStringLiteral(" "));
    text.remove(tag);
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "))
        .replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text.trimmed();
}

SandboxAccount::SandboxAccount()
{
    const QString created = stamp(QDateTime::currentDateTimeUtc().addDays(-400));
    roles = {
        QJsonObject{{QStringLiteral("id"), 1},
                    {QStringLiteral("name"), QStringLiteral("Account Administrator")},
                    {QStringLiteral("description"), QStringLiteral("Has complete control over the help desk")},
                    {QStringLiteral("default"), true},
                    {QStringLiteral("created_at"), created},
                    {QStringLiteral("updated_at"), created}},
        QJsonObject{{QStringLiteral("id"), 2},
                    {QStringLiteral("name"), QStringLiteral("Administrator")},
                    {QStringLiteral("description"), QStringLiteral("Can configure the help desk")},
                    {QStringLiteral("default"), true},
                    {QStringLiteral("created_at"), created},
                    {QStringLiteral("updated_at"), created}},
        QJsonObject{{QStringLiteral("id"), 3},
                    {QStringLiteral("name"), QStringLiteral("Supervisor")},
                    {QStringLiteral("description"), QStringLiteral("Can manage agents")},
                    {QStringLiteral("default"), true},
                    {QStringLiteral("created_at"), created},
                    {QStringLiteral("updated_at"), created}},
        QJsonObject{{QStringLiteral("id"), 4},
                    {QStringLiteral("name"), QStringLiteral("Agent")},
                    {QStringLiteral("description"), QStringLiteral("Can answer tickets")},
                    {QStringLiteral("default"), true},
                    {QStringLiteral("created_at"), created},
                    {QStringLiteral("updated_at"), created}},
    };
    groups = {QJsonObject{{QStringLiteral("id"), 11000001}, {QStringLiteral("name"), QStringLiteral("Support")}},
              QJsonObject{{QStringLiteral("id"), 11000002}, {QStringLiteral("name"), QStringLiteral("Escalations")}}};
    const auto agent = [&](qint64 id, const QString &name, const QString &email, int role) {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("available"), true},
                           {QStringLiteral("occasional"), false},
                           {QStringLiteral("signature"), QJsonValue::Null},
                           {QStringLiteral("group_ids"), QJsonArray{11000001}},
                           {QStringLiteral("role_ids"), QJsonArray{role}},
                           {QStringLiteral("skill_ids"), QJsonArray{}},
                           {QStringLiteral("ticket_scope"), 1},
                           {QStringLiteral("type"), QStringLiteral("support_agent")},
                           {QStringLiteral("created_at"), created},
                           {QStringLiteral("updated_at"), created},
                           {QStringLiteral("available_since"), QJsonValue::Null},
                           {QStringLiteral("contact"), QJsonObject{{QStringLiteral("active"), true},
                                                                   {QStringLiteral("email"), email},
                                                                   {QStringLiteral("name"), name},
                                                                   {QStringLiteral("language"), QStringLiteral("en")},
                                                                   {QStringLiteral("time_zone"), QStringLiteral("UTC")},
                                                                   {QStringLiteral("mobile"), QJsonValue::Null},
                                                                   {QStringLiteral("phone"), QJsonValue::Null},
                                                                   {QStringLiteral("job_title"), QJsonValue::Null},
                                                                   {QStringLiteral("last_login_at"), QJsonValue::Null},
                                                                   {QStringLiteral("created_at"), created},
                                                                   {QStringLiteral("updated_at"), created}}}};
    };
    agents.insert(adminId, agent(adminId, QStringLiteral("Sandy Admin"), QStringLiteral("sandy@sandbox.test"), 1));
    agents.insert(agentId, agent(agentId, QStringLiteral("Alex Agent"), QStringLiteral("alex@sandbox.test"), 4));
}

std::optional<qint64> SandboxAccount::agentForKey(const QString &key) const
{
    if (key == adminKey)
        return adminId;
    if (key == agentKey)
        return agentId;
    return std::nullopt;
}

QJsonObject &SandboxAccount::createTicket(const QString &subject, const QString &requesterEmail,
                                          const QDateTime &createdAt)
{
    const qint64 id = nextTicketId++;
    qint64 requesterId = 0;
    for (auto it = contacts.cbegin(); it != contacts.cend(); ++it) {
        if (it->value(QStringLiteral("email")).toString() == requesterEmail)
            requesterId = it.key();
    }
    if (requesterId == 0) {
        requesterId = 11000006038082 + contacts.size();
        contacts.insert(requesterId,
                        QJsonObject{{QStringLiteral("id"), requesterId},
                                    {QStringLiteral("name"), requesterEmail.section(QLatin1Char('@'), 0, 0)},
                                    {QStringLiteral("email"), requesterEmail},
                                    {QStringLiteral("phone"), QJsonValue::Null},
                                    {QStringLiteral("mobile"), QJsonValue::Null},
                                    {QStringLiteral("company_id"), QJsonValue::Null}});
    }
    const QString at = stamp(createdAt);
    QJsonObject t{{QStringLiteral("cc_emails"), QJsonArray{}},
                  {QStringLiteral("fwd_emails"), QJsonArray{}},
                  {QStringLiteral("reply_cc_emails"), QJsonArray{}},
                  {QStringLiteral("ticket_cc_emails"), QJsonArray{}},
                  {QStringLiteral("ticket_bcc_emails"), QJsonArray{}},
                  {QStringLiteral("fr_escalated"), false},
                  {QStringLiteral("spam"), false},
                  {QStringLiteral("email_config_id"), QJsonValue::Null},
                  {QStringLiteral("group_id"), QJsonValue::Null},
                  {QStringLiteral("priority"), 1},
                  {QStringLiteral("requester_id"), requesterId},
                  {QStringLiteral("responder_id"), QJsonValue::Null},
                  {QStringLiteral("source"), 1},
                  {QStringLiteral("company_id"), QJsonValue::Null},
                  {QStringLiteral("status"), 2},
                  {QStringLiteral("subject"), subject},
                  {QStringLiteral("association_type"), QJsonValue::Null},
                  {QStringLiteral("support_email"), QJsonValue::Null},
                  {QStringLiteral("to_emails"), QJsonValue::Null},
                  {QStringLiteral("product_id"), QJsonValue::Null},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("type"), QStringLiteral("Question")},
                  {QStringLiteral("due_by"), stamp(createdAt.addDays(3))},
                  {QStringLiteral("fr_due_by"), stamp(createdAt.addDays(1))},
                  {QStringLiteral("is_escalated"), false},
                  {QStringLiteral("description"), QStringLiteral("<div>%1</div>").arg(subject.toHtmlEscaped())},
                  {QStringLiteral("description_text"), textOf(subject.toHtmlEscaped())},
                  {QStringLiteral("custom_fields"), QJsonObject{}},
                  {QStringLiteral("created_at"), at},
                  {QStringLiteral("updated_at"), at},
                  {QStringLiteral("tags"), QJsonArray{}},
                  {QStringLiteral("attachments"), QJsonArray{}},
                  {QStringLiteral("source_additional_info"), QJsonValue::Null},
                  {QStringLiteral("nr_due_by"), QJsonValue::Null},
                  {QStringLiteral("nr_escalated"), false}};
    tickets.insert(id, t);
    return tickets[id];
}

QJsonObject SandboxAccount::addConversation(qint64 ticketId, const QString &body, bool isPrivate, int source,
                                            qint64 userId, const QDateTime &at)
{
    QJsonObject c{{QStringLiteral("body"), body},
                  {QStringLiteral("body_text"), textOf(body)},
                  {QStringLiteral("id"), nextConversationId++},
                  {QStringLiteral("incoming"), false},
                  {QStringLiteral("private"), isPrivate},
                  {QStringLiteral("user_id"), userId},
                  {QStringLiteral("support_email"), QJsonValue::Null},
                  {QStringLiteral("source"), source},
                  {QStringLiteral("category"), isPrivate ? 2 : 3},
                  {QStringLiteral("to_emails"), QJsonArray{}},
                  {QStringLiteral("from_email"), QJsonValue::Null},
                  {QStringLiteral("cc_emails"), QJsonArray{}},
                  {QStringLiteral("bcc_emails"), QJsonValue::Null},
                  {QStringLiteral("email_failure_count"), QJsonValue::Null},
                  {QStringLiteral("outgoing_failures"), QJsonValue::Null},
                  {QStringLiteral("thread_id"), QJsonValue::Null},
                  {QStringLiteral("thread_message_id"), QJsonValue::Null},
                  {QStringLiteral("created_at"), stamp(at)},
                  {QStringLiteral("updated_at"), stamp(at)},
                  {QStringLiteral("last_edited_at"), QJsonValue::Null},
                  {QStringLiteral("last_edited_user_id"), QJsonValue::Null},
                  {QStringLiteral("attachments"), QJsonArray{}},
                  {QStringLiteral("automation_id"), QJsonValue::Null},
                  {QStringLiteral("automation_type_id"), QJsonValue::Null},
                  {QStringLiteral("auto_response"), false},
                  {QStringLiteral("ticket_id"), ticketId},
                  {QStringLiteral("delivery_details"), QJsonObject{{QStringLiteral("failed_emails"), QJsonArray{}},
                                                                   {QStringLiteral("pending_emails"), QJsonArray{}}}},
                  {QStringLiteral("source_additional_info"), QJsonValue::Null}};
    if (source == 0) {
        // an e-mail reply goes out from the support mailbox to the requester
        const QString to = contacts.value(tickets.value(ticketId).value(QStringLiteral("requester_id")).toInteger())
                               .value(QStringLiteral("email"))
                               .toString();
        c.insert(QStringLiteral("support_email"), supportEmail);
        c.insert(QStringLiteral("from_email"), QStringLiteral("\"Sandbox Support\" <%1>").arg(supportEmail));
        c.insert(QStringLiteral("to_emails"), to.isEmpty() ? QJsonArray{} : QJsonArray{to});
        c.insert(QStringLiteral("bcc_emails"), QJsonArray{});
    }
    conversations[ticketId].append(c);
    return c;
}

void SandboxAccount::seed(int count, quint32 seed, const QDateTime &now)
{
    QRandomGenerator rng(seed);
    static const char *const subjects[] = {"Printer on fire",     "VPN drops every hour",     "Invoice is wrong",
                                           "Password reset loop", "Fiber connectivity issue", "Cannot export report"};
    static const char *const phones[] = {"+1 (555) 010-%1", "0049 30 123%1", "555.010.%1 x12", "+44 20 7946 %1"};
    for (int c = 0; c < 5; ++c) {
        const qint64 companyId = 5000000 + c;
        static const char *const names[] = {"Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Logistics"};
        static const char *const tiers[] = {"Basic", "Premium", "Enterprise"};
        const QString at = stamp(now.addDays(-400 + c));
        companies.insert(
            companyId, QJsonObject{{QStringLiteral("id"), companyId},
                                   {QStringLiteral("name"), QString::fromLatin1(names[c])},
                                   {QStringLiteral("description"), QJsonValue::Null},
                                   {QStringLiteral("note"), QJsonValue::Null},
                                   {QStringLiteral("domains"), QJsonArray{QStringLiteral("company%1.example").arg(c)}},
                                   {QStringLiteral("custom_fields"), QJsonObject{}},
                                   {QStringLiteral("health_score"), QJsonValue::Null},
                                   {QStringLiteral("account_tier"), QString::fromLatin1(tiers[c % 3])},
                                   {QStringLiteral("renewal_date"), QJsonValue::Null},
                                   {QStringLiteral("industry"), QJsonValue::Null},
                                   {QStringLiteral("created_at"), at},
                                   {QStringLiteral("updated_at"), at}});
    }
    for (int i = 0; i < count; ++i) {
        const QDateTime created = now.addSecs(-qint64(rng.bounded(365 * 86400)));
        const int who = int(rng.bounded(200));
        const QString email = QStringLiteral("customer%1@company%2.example").arg(who).arg(who % 5);
        QJsonObject &t = createTicket(QString::fromLatin1(subjects[rng.bounded(6)]), email, created);
        t.insert(QStringLiteral("status"), int(2 + rng.bounded(4)));
        t.insert(QStringLiteral("priority"), int(1 + rng.bounded(4)));
        const QDateTime updated = created.addSecs(qint64(rng.bounded(std::max<qint64>(1, created.secsTo(now)))));
        t.insert(QStringLiteral("updated_at"), stamp(updated));
        QJsonObject &contact = contacts[t.value(QStringLiteral("requester_id")).toInteger()];
        contact.insert(QStringLiteral("phone"), QString::fromLatin1(phones[who % 4]).arg(1000 + who));
        contact.insert(QStringLiteral("company_id"), 5000000 + who % 5);
        t.insert(QStringLiteral("company_id"), 5000000 + who % 5);
    }
}

} // namespace cb
