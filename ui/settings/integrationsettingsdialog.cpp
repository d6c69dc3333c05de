#include "integrationsettingsdialog.h"

#include "integrationchoices.h"
#include "providertexts.h"
#include "storage/integrationquery.h"
#include "sync/integrationconfigurator.h"
#include "sync/integrationmanager.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cb::ui {

namespace {
using Intake = IntegrationSettings::Intake;
using Handoff = IntegrationSettings::HandoffMode;
using Comments = IntegrationSettings::CommentMode;

void selectData(QComboBox *box, int value)
{
    const int i = box->findData(value);
    box->setCurrentIndex(i < 0 ? 0 : i);
}
} // namespace

IntegrationSettingsDialog::IntegrationSettingsDialog(Database *readOnly, const QString &integrationId, QWidget *parent)
    : QDialog(parent)
    , m_db(readOnly)
    , m_intake(new QComboBox(this))
    , m_intakeGroup(new QComboBox(this))
    , m_handoff(new QComboBox(this))
    , m_handoffTarget(new QComboBox(this))
    , m_markerField(new QLineEdit(this))
    , m_comments(new QButtonGroup(this))
    , m_footer(new QLineEdit(this))
    , m_reconcileMinutes(new QSpinBox(this))
    , m_status(new QLabel(this))
    , m_save(nullptr)
    , m_refreshNames(new QPushButton(tr("Refresh &names from the helpdesk"), this))
{
    setObjectName(QStringLiteral("integrationSettingsDialog"));
    m_integration.id = integrationId;
    m_intake->setObjectName(QStringLiteral("intakeCombo"));
    m_intake->addItem(tr("Every new ticket"), int(Intake::All));
    m_intake->addItem(tr("Tickets assigned to the connected agent or their group"), int(Intake::Assigned));
    m_intake->addItem(tr("Tickets of one group"), int(Intake::Group));
    m_intake->addItem(tr("None: only tickets I import"), int(Intake::None));
    m_intakeGroup->setObjectName(QStringLiteral("intakeGroupCombo"));
    m_intakeGroup->setAccessibleName(tr("Intake group"));
    m_handoff->setObjectName(QStringLiteral("handoffCombo"));
    m_handoff->addItem(tr("Unassign and reopen"), int(Handoff::UnassignReopen));
    m_handoff->addItem(tr("Unassign and set the marker field"), int(Handoff::UnassignMarker));
    m_handoff->addItem(tr("Assign to an agent"), int(Handoff::AssignAgent));
    m_handoff->addItem(tr("Assign to a group"), int(Handoff::AssignGroup));
    m_handoffTarget->setObjectName(QStringLiteral("handoffTargetCombo"));
    m_handoffTarget->setAccessibleName(tr("Hand-off agent or group"));
    m_markerField->setObjectName(QStringLiteral("markerFieldEdit"));
    m_footer->setObjectName(QStringLiteral("footerEdit"));
    m_footer->setPlaceholderText(tr("Optional, e.g. — sent from Casebridge"));
    m_reconcileMinutes->setObjectName(QStringLiteral("reconcileMinutesSpin"));
    m_reconcileMinutes->setRange(1, 24 * 60);
    m_reconcileMinutes->setSuffix(tr(" min"));
    m_refreshNames->setObjectName(QStringLiteral("refreshNamesButton"));
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_status->setWordWrap(true);

    auto *intakeBox = new QGroupBox(tr("New tickets become cases"), this);
    auto *intakeForm = new QFormLayout(intakeBox);
    intakeForm->addRow(tr("&Intake:"), m_intake);
    intakeForm->addRow(tr("&Group:"), m_intakeGroup);

    auto *handoffBox = new QGroupBox(tr("Hand-off"), this);
    auto *handoffForm = new QFormLayout(handoffBox);
    handoffForm->addRow(tr("&When handing off:"), m_handoff);
    handoffForm->addRow(tr("&To:"), m_handoffTarget);
    handoffForm->addRow(tr("Marker &field:"), m_markerField);

    auto *commentsBox = new QGroupBox(tr("Comments added in Casebridge"), this);
    auto *commentsLayout = new QVBoxLayout(commentsBox);
    const struct
    {
        Comments mode;
        const char *name;
        QString text;
    } choices[] = {
        {Comments::Off, "commentsOff", tr("&Off: they stay in Casebridge; nobody in the helpdesk sees them")},
        {Comments::Private, "commentsPrivate", tr("As p&rivate notes: only agents see them")},
        {Comments::Public, "commentsPublic", tr("As p&ublic replies: the customer sees them (sent by e-mail)")},
    };
    for (const auto &c : choices) {
        auto *radio = new QRadioButton(c.text, commentsBox);
        radio->setObjectName(QLatin1String(c.name));
        m_comments->addButton(radio, int(c.mode));
        commentsLayout->addWidget(radio);
    }
    auto *footerForm = new QFormLayout;
    footerForm->addRow(tr("Foot&er:"), m_footer);
    commentsLayout->addLayout(footerForm);

    auto *syncForm = new QFormLayout;
    syncForm->addRow(tr("&Reconcile every:"), m_reconcileMinutes);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveSettingsButton"));
    QPushButton *rotate = buttons->addButton(tr("New API &key…"), QDialogButtonBox::ActionRole);
    rotate->setObjectName(QStringLiteral("rotateKeyButton"));
    QPushButton *disconnectButton = buttons->addButton(tr("&Disconnect…"), QDialogButtonBox::ActionRole);
    disconnectButton->setObjectName(QStringLiteral("disconnectButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intakeBox);
    layout->addWidget(handoffBox);
    layout->addWidget(commentsBox);
    layout->addLayout(syncForm);
    layout->addWidget(m_refreshNames);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_intake, &QComboBox::currentIndexChanged, this, [this] {
        fillPicker(m_intakeGroup, DirectoryKind::Group, m_intakeGroup->currentData().toLongLong());
        updateEnabled();
    });
    connect(m_handoff, &QComboBox::currentIndexChanged, this, [this] {
        const auto mode = Handoff(m_handoff->currentData().toInt());
        fillPicker(m_handoffTarget, mode == Handoff::AssignAgent ? DirectoryKind::Agent : DirectoryKind::Group, {});
        updateEnabled();
    });
    connect(m_refreshNames, &QPushButton::clicked, this, [this] {
        m_refreshNames->setEnabled(false);
        showStatus(tr("Reading agents, groups and companies from the helpdesk…"), false);
        Q_EMIT refreshNamesRequested(m_integration.id);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &IntegrationSettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(rotate, &QPushButton::clicked, this, [this] { Q_EMIT rotateKeyRequested(m_integration.id); });
    connect(disconnectButton, &QPushButton::clicked, this, &IntegrationSettingsDialog::confirmDisconnect);
    load();
}

void IntegrationSettingsDialog::load()
{
    auto integration = m_db ? IntegrationQuery(*m_db).get(m_integration.id)
                            : Result<Integration>(Error::make(Error::Kind::Unavailable, tr("The store is not open.")));
    if (!integration) {
        showStatus(integration.error().message, true);
        m_save->setEnabled(false);
        return;
    }
    m_integration = *integration;
    m_loaded = IntegrationSettings::fromJson(m_integration.settings);
    setWindowTitle(tr("Settings of %1").arg(IntegrationChoices::displayName(m_integration.domain)));
    if (auto names = IntegrationQuery(*m_db).names(m_integration.id))
        m_names = *names;
    {
        const QSignalBlocker a(m_intake);
        const QSignalBlocker b(m_handoff);
        selectData(m_intake, int(m_loaded.intake));
        selectData(m_handoff, int(m_loaded.handoff));
    }
    fillPicker(m_intakeGroup, DirectoryKind::Group, m_loaded.defaultGroupId);
    fillPicker(m_handoffTarget, m_loaded.handoff == Handoff::AssignAgent ? DirectoryKind::Agent : DirectoryKind::Group,
               m_loaded.handoffTargetId);
    m_markerField->setText(m_loaded.markerField);
    if (QAbstractButton *b = m_comments->button(int(m_loaded.comments)))
        b->setChecked(true);
    m_footer->setText(m_loaded.footer);
    m_reconcileMinutes->setValue(std::max(1, m_loaded.reconcileIntervalSec / 60));
    if (m_names.isEmpty())
        showStatus(tr("The names of this helpdesk's agents and groups have not been read yet; use Refresh names."),
                   false);
    updateEnabled();
}

void IntegrationSettingsDialog::reloadNames()
{
    if (auto names = IntegrationQuery(*m_db).names(m_integration.id))
        m_names = *names;
    fillPicker(m_intakeGroup, DirectoryKind::Group, m_intakeGroup->currentData().toLongLong());
    fillPicker(m_handoffTarget,
               Handoff(m_handoff->currentData().toInt()) == Handoff::AssignAgent ? DirectoryKind::Agent
                                                                                 : DirectoryKind::Group,
               m_handoffTarget->currentData().toLongLong());
    updateEnabled();
}

void IntegrationSettingsDialog::fillPicker(QComboBox *picker, DirectoryKind kind, std::optional<qint64> selected)
{
    const QSignalBlocker block(picker);
    picker->clear();
    for (const DirectoryEntry &e : m_names.entries(kind)) {
        if (kind == DirectoryKind::Agent && picker == m_handoffTarget && m_integration.agentId == e.id)
            continue; // a hand-off gives the ticket to people, never back to the agent Casebridge signs in as
        const QString label = e.email.isEmpty() ? e.name : tr("%1 <%2>").arg(e.name, e.email);
        picker->addItem(label, e.id);
    }
    if (selected && *selected > 0) {
        int i = picker->findData(*selected);
        if (i < 0) { // chosen earlier, no longer (or not yet) in the directory: shown as such, still selectable
            picker->addItem(DirectoryNames::unknown(kind, *selected), *selected);
            i = picker->count() - 1;
        }
        picker->setCurrentIndex(i);
    }
}

void IntegrationSettingsDialog::updateEnabled()
{
    m_intakeGroup->setEnabled(Intake(m_intake->currentData().toInt()) == Intake::Group);
    const auto mode = Handoff(m_handoff->currentData().toInt());
    m_handoffTarget->setEnabled(mode == Handoff::AssignAgent || mode == Handoff::AssignGroup);
}

IntegrationSettings IntegrationSettingsDialog::settings() const
{
    IntegrationSettings s = m_loaded;
    s.intake = Intake(m_intake->currentData().toInt());
    if (s.intake == Intake::Group)
        s.defaultGroupId = m_intakeGroup->currentData().isValid()
                               ? std::optional<qint64>(m_intakeGroup->currentData().toLongLong())
                               : std::nullopt;
    s.handoff = Handoff(m_handoff->currentData().toInt());
    s.handoffTargetId.reset();
    if ((s.handoff == Handoff::AssignAgent || s.handoff == Handoff::AssignGroup) &&
        m_handoffTarget->currentData().isValid())
        s.handoffTargetId = m_handoffTarget->currentData().toLongLong();
    s.markerField = m_markerField->text().trimmed();
    s.comments = Comments(m_comments->checkedId());
    s.footer = m_footer->text().trimmed();
    s.reconcileIntervalSec = m_reconcileMinutes->value() * 60;
    return s;
}

void IntegrationSettingsDialog::save()
{
    const IntegrationSettings s = settings();
    if ((s.intake == Intake::Group && !s.defaultGroupId) ||
        ((s.handoff == Handoff::AssignAgent || s.handoff == Handoff::AssignGroup) && !s.handoffTargetId)) {
        showStatus(tr("Choose the agent or group from the list (Refresh names if it is empty)."), true);
        return;
    }
    if (auto st = IntegrationConfigurator::validate(s, m_names, &m_loaded, m_integration.agentId); !st) {
        showStatus(st.error().message, true);
        return;
    }
    m_save->setEnabled(false);
    showStatus(tr("Saving…"), false);
    Q_EMIT saveRequested(m_integration.id, s);
}

void IntegrationSettingsDialog::confirmDisconnect()
{
    const ProviderTexts texts = ProviderTexts::forProvider(m_integration.provider);
    QStringList rules;
    for (const QString &payload : IntegrationManager::rulePayloads(m_integration.provider))
        rules << QStringLiteral("• ") + payload.section(QLatin1Char(':'), 0, 0).section(QLatin1Char('\n'), 0, 0);
    auto *box = new QMessageBox(QMessageBox::Warning,
                                tr("Disconnect %1").arg(IntegrationChoices::displayName(m_integration.domain)),
                                tr("Stop syncing with %1? Its API key and webhook secret are removed from this "
                                   "computer; every case stays here, and connecting the account again re-links "
                                   "them.\n\nThen delete these in %2, which would otherwise keep calling a webhook "
                                   "that no longer answers:\n%3")
                                    .arg(m_integration.domain, texts.name, rules.join(QLatin1Char('\n'))),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("disconnectConfirmation"));
    QPushButton *yes = box->addButton(tr("&Disconnect"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmDisconnectButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(yes, &QPushButton::clicked, this, [this] {
        showStatus(tr("Disconnecting…"), false);
        Q_EMIT disconnectRequested(m_integration.id);
    });
    box->open();
}

void IntegrationSettingsDialog::handleAdminDone(const QString &action, const QString &integrationId,
                                                const QString &message)
{
    if (integrationId != m_integration.id)
        return;
    if (action == QLatin1String("directory")) {
        m_refreshNames->setEnabled(true);
        reloadNames();
        showStatus(message, false);
    } else if (action == QLatin1String("settings")) {
        m_loaded = settings();
        showStatus(message, false);
        accept();
    } else if (action == QLatin1String("disconnect")) {
        showStatus(message, false);
        accept();
    }
}

void IntegrationSettingsDialog::handleAdminFailed(const QString &action, const QString &integrationId,
                                                  const QString &message)
{
    if (integrationId != m_integration.id)
        return;
    m_save->setEnabled(true);
    m_refreshNames->setEnabled(true);
    if (action == QLatin1String("settings") || action == QLatin1String("directory") ||
        action == QLatin1String("disconnect"))
        showStatus(message, true);
}

void IntegrationSettingsDialog::showStatus(const QString &message, bool error)
{
    m_status->setText(message);
    m_status->setStyleSheet(error ? QStringLiteral("font-weight: bold") : QString());
    m_status->setProperty("error", error);
}

} // namespace cb::ui
