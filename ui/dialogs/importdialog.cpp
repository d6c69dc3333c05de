#include "importdialog.h"

#include "sync/consolesyncproxy.h"
#include "ticketidparser.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTextCursor>
#include <QVBoxLayout>

#include <cmath>

namespace cb::ui {

ImportDialog::ImportDialog(const QList<IntegrationChoices::Choice> &integrations, QWidget *parent)
    : QDialog(parent)
    , m_integration(new QComboBox(this))
    , m_tabs(new QTabWidget(this))
    , m_estimate(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_failures(new QPlainTextEdit(this))
    , m_start(new QPushButton(tr("&Start import"), this))
    , m_cancel(new QPushButton(tr("&Cancel import"), this))
    , m_close(new QPushButton(tr("C&lose"), this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import tickets"));
    resize(560, 520);
    m_integration->setObjectName(QStringLiteral("integrationCombo"));
    m_integration->setAccessibleName(tr("Helpdesk"));
    for (const auto &c : integrations) {
        m_integration->addItem(c.label, c.id);
        m_integration->setItemData(m_integration->count() - 1, c.provider, ProviderRole);
    }
    m_tabs->setObjectName(QStringLiteral("importTabs"));
    m_tabs->addTab(buildIdsTab(), tr("By ticket &IDs"));
    m_tabs->addTab(buildFilterTab(), tr("By &filter"));
    m_estimate->setObjectName(QStringLiteral("estimateLabel"));
    m_estimate->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setAccessibleName(tr("Import progress"));
    m_progress->setVisible(false);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_failures->setObjectName(QStringLiteral("failuresText"));
    m_failures->setAccessibleName(tr("Failed tickets"));
    m_failures->setReadOnly(true);
    m_failures->setVisible(false);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_start->setAccessibleName(tr("Start import"));
    m_start->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setAccessibleName(tr("Cancel import"));
    m_cancel->setEnabled(false);
    m_close->setObjectName(QStringLiteral("closeButton"));
    m_close->setAccessibleName(tr("Close"));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *top = new QFormLayout;
    top->addRow(tr("&Helpdesk:"), m_integration);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_estimate);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(m_failures, 1);
    layout->addWidget(buttons);

    connect(m_start, &QPushButton::clicked, this, &ImportDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_summary->setText(tr("Cancelling…"));
        Q_EMIT cancelRequested();
    });
    connect(m_close, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ImportDialog::updateState);
    connect(m_integration, &QComboBox::currentIndexChanged, this, &ImportDialog::updateState);
    updateState();
}

QWidget *ImportDialog::buildIdsTab()
{
    auto *page = new QWidget(this);
    m_ids = new QPlainTextEdit(page);
    m_ids->setObjectName(QStringLiteral("ticketIdsEdit"));
    m_ids->setAccessibleName(tr("Ticket IDs or URLs"));
    m_ids->setPlaceholderText(tr("Paste ticket numbers or ticket URLs, e.g. 1234, 1235 or "
                                 "https://yourcompany.freshdesk.com/a/tickets/1236"));
    m_idsStatus = new QLabel(page);
    m_idsStatus->setObjectName(QStringLiteral("idsStatus"));
    m_idsStatus->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_ids, 1);
    layout->addWidget(m_idsStatus);
    connect(m_ids, &QPlainTextEdit::textChanged, this, &ImportDialog::updateState);
    return page;
}

QWidget *ImportDialog::buildFilterTab()
{
    auto *page = new QWidget(this);
    m_status = new QComboBox(page);
    m_status->setObjectName(QStringLiteral("statusCombo"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Any status"), QString());
    m_status->addItem(tr("Open"), QStringLiteral("open"));
    m_status->addItem(tr("Pending"), QStringLiteral("pending"));
    m_status->addItem(tr("Resolved"), QStringLiteral("resolved"));
    m_status->addItem(tr("Closed"), QStringLiteral("closed"));
    m_sinceCheck = new QCheckBox(tr("Only tickets &updated since:"), page);
    m_sinceCheck->setObjectName(QStringLiteral("sinceCheck"));
    m_sinceCheck->setAccessibleName(tr("Only tickets updated since"));
    m_since = new QDateEdit(QDate::currentDate().addDays(-30), page);
    m_since->setObjectName(QStringLiteral("sinceEdit"));
    m_since->setAccessibleName(tr("Updated since"));
    m_since->setCalendarPopup(true);
    m_since->setEnabled(false);
    m_limit = new QSpinBox(page);
    m_limit->setObjectName(QStringLiteral("limitSpin"));
    m_limit->setAccessibleName(tr("Limit"));
    m_limit->setRange(0, 1000000);
    m_limit->setSpecialValueText(tr("No limit"));
    m_filterStatus = new QLabel(page);
    m_filterStatus->setObjectName(QStringLiteral("filterStatus"));
    m_filterStatus->setWordWrap(true);
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Status:"), m_status);
    form->addRow(m_sinceCheck, m_since);
    form->addRow(tr("&At most:"), m_limit);
    form->addRow(m_filterStatus);
    connect(m_sinceCheck, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_sinceCheck, &QCheckBox::toggled, this, &ImportDialog::updateState);
    connect(m_status, &QComboBox::currentIndexChanged, this, &ImportDialog::updateState);
    connect(m_since, &QDateEdit::dateChanged, this, &ImportDialog::updateState);
    connect(m_limit, &QSpinBox::valueChanged, this, &ImportDialog::updateState);
    return page;
}

std::optional<ImportRequest> ImportDialog::request() const
{
    ImportRequest r;
    if (m_tabs->currentIndex() == 0) {
        const auto parsed = TicketIdParser::parse(m_ids->toPlainText());
        if (!parsed.invalid.isEmpty() || parsed.ids.isEmpty())
            return std::nullopt;
        r.ticketIds = parsed.ids;
        return r;
    }
    if (const QString s = m_status->currentData().toString(); !s.isEmpty())
        r.statuses << s;
    if (m_sinceCheck->isChecked()) {
        if (m_since->date() > QDate::currentDate())
            return std::nullopt; // nothing can have been updated in the future
        r.updatedSince = m_since->date().startOfDay(Qt::UTC);
    }
    if (m_limit->value() > 0)
        r.limit = m_limit->value();
    return r;
}

void ImportDialog::highlightInvalid()
{
    const auto parsed = TicketIdParser::parse(m_ids->toPlainText());
    QList<QTextEdit::ExtraSelection> marks;
    QStringList names;
    for (const auto &t : parsed.invalid) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(m_ids->document());
        sel.cursor.setPosition(t.start);
        sel.cursor.setPosition(t.start + t.length, QTextCursor::KeepAnchor);
        sel.format.setBackground(QColor(0xff, 0xd6, 0xd6));
        sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        sel.format.setUnderlineColor(QColor(0xb0, 0x00, 0x20));
        marks << sel;
        names << t.text;
    }
    m_ids->setExtraSelections(marks);
    if (!parsed.invalid.isEmpty())
        m_idsStatus->setText(tr("Not a ticket number or ticket URL: %1. Fix or remove the highlighted text.")
                                 .arg(names.join(QStringLiteral(", "))));
    else if (parsed.ids.isEmpty())
        m_idsStatus->setText(tr("Paste at least one ticket number or ticket URL."));
    else
        m_idsStatus->setText(tr("%n ticket(s) to import.", nullptr, int(parsed.ids.size())));
}

void ImportDialog::updateState()
{
    highlightInvalid();
    m_filterStatus->setText(m_sinceCheck->isChecked() && m_since->date() > QDate::currentDate()
                                ? tr("The date is in the future; choose today or an earlier day.")
                                : QString());
    const auto r = request();
    const bool ready = r.has_value() && m_integration->count() > 0;
    m_start->setEnabled(ready && !m_running);
    if (m_integration->count() == 0) {
        m_estimate->setText(tr("No helpdesk is connected; connect one with File → Connect a helpdesk… first."));
        return;
    }
    if (!r) {
        m_estimate->setText(tr("Estimate: enter what to import first."));
        return;
    }
    const ImportEstimate e =
        ConsoleSyncProxy::estimateImport(*r, m_integration->currentData(ProviderRole).toString().isEmpty()
                                                 ? QStringLiteral("freshdesk")
                                                 : m_integration->currentData(ProviderRole).toString());
    const int seconds = int(std::ceil(e.seconds));
    const QString time = seconds < 60 ? tr("%n second(s)", nullptr, seconds)
                                      : tr("%n minute(s)", nullptr, int(std::ceil(seconds / 60.0)));
    m_estimate->setText(
        e.upperBound
            ? tr("Estimate: at most %n API call(s), up to %1 at the account's rate limit.", nullptr, e.calls).arg(time)
            : tr("Estimate: %n API call(s), about %1 at the account's rate limit.", nullptr, e.calls).arg(time));
}

void ImportDialog::start()
{
    const auto r = request();
    if (!r || m_running)
        return;
    setRunning(true);
    m_progress->setRange(0, 0); // busy until the first progress report
    m_summary->setText(tr("Starting the import…"));
    m_failures->clear();
    m_failures->setVisible(false);
    Q_EMIT startRequested(m_integration->currentData().toString(), *r);
}

void ImportDialog::setRunning(bool running)
{
    m_running = running;
    m_progress->setVisible(running || m_progress->isVisible());
    m_cancel->setEnabled(running);
    m_tabs->setEnabled(!running);
    m_integration->setEnabled(!running);
    m_start->setEnabled(!running && request().has_value());
}

void ImportDialog::handleStarted(const QString &, int estimatedCalls)
{
    if (!m_running)
        return;
    m_summary->setText(tr("Importing… (about %n API call(s))", nullptr, estimatedCalls));
}

void ImportDialog::handleProgress(int done, int total)
{
    if (!m_running)
        return;
    if (total <= 0) { // a filter without a limit: the number of matching tickets is unknown until the end
        m_progress->setRange(0, 0);
        m_summary->setText(tr("%n ticket(s) imported so far…", nullptr, done));
        return;
    }
    m_progress->setRange(0, total);
    m_progress->setValue(std::min(done, total));
    m_summary->setText(tr("Imported %1 of %n ticket(s)…", nullptr, total).arg(done));
}

void ImportDialog::handleFinished(const ImportSummary &summary)
{
    if (!m_running)
        return;
    if (m_progress->maximum() == 0) // busy indicator: show it as done, or empty when cancelled
        m_progress->setRange(0, 1);
    if (!summary.cancelled)
        m_progress->setValue(m_progress->maximum());
    setRunning(false);
    QString text = summary.cancelled ? tr("Import cancelled. ") : tr("Import finished. ");
    text += tr("Imported: %1 · already linked: %2 · failed: %3 · API calls: %4")
                .arg(summary.imported)
                .arg(summary.alreadyLinked)
                .arg(summary.failed)
                .arg(summary.calls);
    m_summary->setText(text);
    m_failures->setPlainText(summary.failures.join(QLatin1Char('\n')));
    m_failures->setVisible(!summary.failures.isEmpty());
}

void ImportDialog::reject()
{
    if (m_running)
        Q_EMIT cancelRequested(); // closing the dialog stops the import; what was imported stays
    QDialog::reject();
}

} // namespace cb::ui
