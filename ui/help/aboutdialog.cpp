#include "aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cb::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Casebridge"));
    auto *title = new QLabel(QStringLiteral("<h2>Casebridge</h2>"), this);
    auto *version = new QLabel(versionText(), this);
    version->setObjectName(QStringLiteral("aboutVersion"));
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *what = new QLabel(tr("Keeps your cases in two-way sync with Freshdesk and Freshservice."), this);
    what->setWordWrap(true);
    auto *licenses = new QLabel(
        tr("<p><b>Licenses</b></p>"
           "<p>Casebridge: proprietary, © the Casebridge authors.</p>"
           "<p>Built with Qt 6 (LGPL-3.0), QCoro (MIT), QtKeychain (BSD-3-Clause), OpenSSL (Apache-2.0) and SQLite "
           "(public domain); PostgreSQL's client library (PostgreSQL License) in team mode.</p>"),
        this);
    licenses->setObjectName(QStringLiteral("aboutLicenses"));
    licenses->setWordWrap(true);
    licenses->setTextFormat(Qt::RichText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    aboutQt->setObjectName(QStringLiteral("aboutQtButton"));
    connect(aboutQt, &QPushButton::clicked, this, [this] { QApplication::aboutQt(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(version);
    layout->addWidget(what);
    layout->addWidget(licenses);
    layout->addWidget(buttons);
}

QString AboutDialog::versionText()
{
    return tr("Casebridge %1 · Qt %2 (built with Qt %3)")
        .arg(QStringLiteral(CASEBRIDGE_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
}

} // namespace cb::ui
