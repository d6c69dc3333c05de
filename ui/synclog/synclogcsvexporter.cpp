#include "synclogcsvexporter.h"

#include "storage/synclogquery.h"

#include <QJsonDocument>
#include <QTimer>

namespace cb::ui {

namespace {
constexpr int ChunkRows = 5000;
}

SyncLogCsvExporter::SyncLogCsvExporter(Database *readOnly, SyncLogFilter filter, const QString &path, QObject *parent)
    : QObject(parent)
    , m_db(readOnly)
    , m_filter(std::move(filter))
    , m_file(path)
{}

QString SyncLogCsvExporter::csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')) &&
        !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

void SyncLogCsvExporter::start()
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        finish(false,
               tr("Could not write %1: %2. Choose another folder.").arg(m_file.fileName(), m_file.errorString()));
        return;
    }
    auto last = m_db ? SyncLogQuery(*m_db).lastId() : Result<qint64>(qint64(0));
    if (!last) {
        m_file.remove();
        finish(false, last.error().message);
        return;
    }
    m_upTo = *last;
    m_file.write("id,at,integration_id,case_id,ticket_id,direction,source,event,changes,result,latency_ms,error\n");
    QTimer::singleShot(0, this, &SyncLogCsvExporter::writeChunk);
}

void SyncLogCsvExporter::cancel()
{
    m_cancelled = true;
}

void SyncLogCsvExporter::writeChunk()
{
    if (m_cancelled) {
        m_file.remove();
        finish(false, tr("Export cancelled."));
        return;
    }
    auto page = m_db ? SyncLogQuery(*m_db).page(m_filter, {m_before, m_upTo, 0}, ChunkRows)
                     : Result<QList<SyncLogEntry>>(QList<SyncLogEntry>());
    if (!page) {
        finish(false, page.error().message);
        return;
    }
    const QList<SyncLogEntry> &rows = *page;
    QString out;
    for (const SyncLogEntry &e : rows) {
        const QStringList fields = {
            QString::number(e.id),
            e.at.toUTC().toString(Qt::ISODateWithMs),
            csvField(e.integrationId),
            e.caseId ? QString::number(*e.caseId) : QString(),
            e.ticketId ? QString::number(*e.ticketId) : QString(),
            csvField(toString(e.direction)),
            csvField(e.source ? toString(*e.source) : QString()),
            csvField(e.event),
            csvField(QString::fromUtf8(QJsonDocument(e.changes).toJson(QJsonDocument::Compact))),
            csvField(toString(e.result)),
            e.latencyMs ? QString::number(*e.latencyMs) : QString(),
            csvField(e.error)};
        out += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    if (m_file.write(out.toUtf8()) < 0) {
        finish(false, tr("Could not write %1: %2.").arg(m_file.fileName(), m_file.errorString()));
        return;
    }
    m_rows += rows.size();
    Q_EMIT progress(m_rows);
    if (rows.size() < ChunkRows) {
        m_file.close();
        finish(true, tr("Exported %n row(s) to %1.", nullptr, int(m_rows)).arg(m_file.fileName()));
        return;
    }
    m_before = rows.constLast().id;
    QTimer::singleShot(0, this, &SyncLogCsvExporter::writeChunk);
}

void SyncLogCsvExporter::finish(bool ok, const QString &message)
{
    Q_EMIT finished(ok, message);
    deleteLater();
}

} // namespace cb::ui
