#include "synclogdetailpane.h"

#include "casesmodel.h"
#include "datetimetext.h"
#include "storage/integrationquery.h"
#include "synclogmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace cb::ui {

SyncLogDetailPane::SyncLogDetailPane(Database *readOnly, QWidget *parent)
    : QTextBrowser(parent)
    , m_db(readOnly)
{
    setObjectName(QStringLiteral("logDetail"));
    setAccessibleName(tr("Sync log entry details"));
    setOpenLinks(false);
    showEntry(nullptr);
}

QString SyncLogDetailPane::valueText(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return tr("(none)");
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? tr("yes") : tr("no");
    const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

void SyncLogDetailPane::showEntry(const SyncLogEntry *entry)
{
    if (!entry) {
        setHtml(QStringLiteral("<p><i>%1</i></p>").arg(tr("Select a row to see what changed.").toHtmlEscaped()));
        return;
    }
    const auto row = [](const QString &k, const QString &v) {
        return QStringLiteral("<tr><th align=left>%1</th><td>%2</td></tr>").arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    QString html =
        QStringLiteral("<h3>%1</h3><table cellspacing=4>").arg(SyncLogModel::eventLabel(entry->event).toHtmlEscaped());
    html += row(tr("When"), DateTimeText::of(entry->at));
    html += row(tr("Direction"), SyncLogModel::directionLabel(entry->direction));
    html += row(tr("Source"), SyncLogModel::sourceLabel(entry->source));
    html += row(tr("Result"), SyncLogModel::resultLabel(entry->result));
    if (entry->ticketId)
        html += row(tr("Ticket"), QStringLiteral("#%1").arg(*entry->ticketId));
    if (entry->caseId)
        html += row(tr("Case"), QString::number(*entry->caseId));
    html += row(tr("Latency"), entry->latencyMs ? tr("%1 ms").arg(*entry->latencyMs) : tr("(not measured)"));
    if (!entry->error.isEmpty())
        html += row(tr("Error"), entry->error);
    html += QStringLiteral("</table>");
    if (entry->changes.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("No field changed.").toHtmlEscaped());
    } else {
        html += QStringLiteral("<h4>%1</h4><table cellspacing=4><tr><th align=left>%2</th><th align=left>%3</th>"
                               "<th></th><th align=left>%4</th></tr>")
                    .arg(tr("Changes").toHtmlEscaped(), tr("Field").toHtmlEscaped(), tr("Before").toHtmlEscaped(),
                         tr("After").toHtmlEscaped());
        DirectoryNames names;
        if (m_db && !entry->integrationId.isEmpty()) {
            if (auto n = IntegrationQuery(*m_db).names(entry->integrationId))
                names = *n;
        }
        for (auto it = entry->changes.begin(); it != entry->changes.end(); ++it) {
            const QJsonObject change = it.value().toObject();
            // Agents and groups read as people do: "Alex Agent (7)", or "agent 7 (unknown)".
            std::optional<DirectoryKind> kind;
            if (it.key() == QLatin1String("assignee_id") || it.key() == QLatin1String("responder_id"))
                kind = DirectoryKind::Agent;
            else if (it.key() == QLatin1String("group_id"))
                kind = DirectoryKind::Group;
            const auto text = [&](const QJsonValue &v) {
                if (v.isString() && it.key() == QLatin1String("status"))
                    return CasesModel::statusLabel(v.toString());
                if (v.isString() && it.key() == QLatin1String("priority"))
                    return CasesModel::priorityLabel(v.toString());
                if (!kind || !v.isDouble())
                    return valueText(v);
                const qint64 id = v.toInteger();
                const auto found = names.find(*kind, id);
                return found ? tr("%1 (%2)").arg(found->name).arg(id) : DirectoryNames::unknown(*kind, id);
            };
            const QString before =
                change.contains(QLatin1String("from")) ? text(change.value(QLatin1String("from"))) : QString();
            const QString after =
                change.contains(QLatin1String("to")) ? text(change.value(QLatin1String("to"))) : valueText(it.value());
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>→</td><td>%3</td></tr>")
                        .arg(SyncLogModel::fieldLabel(it.key()).toHtmlEscaped(), before.toHtmlEscaped(),
                             after.toHtmlEscaped());
        }
        html += QStringLiteral("</table>");
    }
    setHtml(html);
}

} // namespace cb::ui
