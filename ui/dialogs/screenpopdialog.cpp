#include "screenpopdialog.h"

#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cb::ui {

ScreenPopDialog::ScreenPopDialog(const QString &callId, const QJsonObject &match, QWidget *parent)
    : QDialog(parent)
    , m_tickets(new QListWidget(this))
    , m_open(new QPushButton(tr("&Open case"), this))
{
    setObjectName(QStringLiteral("screenPopDialog"));
    setWindowTitle(tr("Incoming call"));
    setAttribute(Qt::WA_DeleteOnClose);
    QStringList who;
    for (const QJsonValue &c : match.value(QStringLiteral("customers")).toArray()) {
        const QJsonObject o = c.toObject();
        const QString name = o.value(QStringLiteral("name")).toString();
        const QString email = o.value(QStringLiteral("email")).toString();
        who << (name.isEmpty() ? email : email.isEmpty() ? name : tr("%1 <%2>").arg(name, email));
    }
    auto *caller = new QLabel(tr("<b>%1</b> is calling from %2")
                                  .arg(who.join(tr(" or ")).toHtmlEscaped(),
                                       match.value(QStringLiteral("phone_e164")).toString().toHtmlEscaped()),
                              this);
    caller->setObjectName(QStringLiteral("screenPopCaller"));
    const QJsonArray tickets = match.value(QStringLiteral("tickets")).toArray();
    auto *count = new QLabel(
        tickets.isEmpty() ? tr("No open tickets.") : tr("%n open ticket(s):", nullptr, int(tickets.size())), this);
    m_tickets->setObjectName(QStringLiteral("screenPopTickets"));
    m_tickets->setAccessibleName(tr("Open tickets of the caller"));
    for (const QJsonValue &t : tickets) {
        const QJsonObject o = t.toObject();
        const QString assignee = o.value(QStringLiteral("assignee")).toString();
        const QString text =
            assignee.isEmpty()
                ? tr("#%1  %2  (%3, %4)")
                      .arg(o.value(QStringLiteral("ticket_id")).toInteger())
                      .arg(o.value(QStringLiteral("subject")).toString(), o.value(QStringLiteral("status")).toString(),
                           o.value(QStringLiteral("priority")).toString())
                : tr("#%1  %2  (%3, %4, with %5)")
                      .arg(o.value(QStringLiteral("ticket_id")).toInteger())
                      .arg(o.value(QStringLiteral("subject")).toString(), o.value(QStringLiteral("status")).toString(),
                           o.value(QStringLiteral("priority")).toString(), assignee);
        auto *item = new QListWidgetItem(text, m_tickets);
        item->setData(Qt::UserRole, o.value(QStringLiteral("case_id")).toInteger());
    }
    if (m_tickets->count() > 0)
        m_tickets->setCurrentRow(0);
    m_open->setObjectName(QStringLiteral("screenPopOpen"));
    m_open->setEnabled(m_tickets->count() > 0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_open, QDialogButtonBox::AcceptRole);
    connect(m_open, &QPushButton::clicked, this, &ScreenPopDialog::openSelected);
    connect(m_tickets, &QListWidget::itemActivated, this, &ScreenPopDialog::openSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(caller);
    layout->addWidget(count);
    layout->addWidget(m_tickets);
    layout->addWidget(buttons);
    setProperty("callId", callId);
}

void ScreenPopDialog::openSelected()
{
    const QListWidgetItem *item = m_tickets->currentItem();
    if (!item)
        return;
    Q_EMIT openCaseRequested(item->data(Qt::UserRole).toLongLong());
    accept();
}

} // namespace cb::ui
