#pragma once

#include "helpdesk/freshworks/freshworksclient.h"

namespace cb {

// Freshdesk API v2 (freshdesk-api.md): bare JSON bodies; what differs from Freshservice: agents/me + roles,
// contacts, companies and the name of an agent or contact. The rest is FreshworksClient's.
class FreshdeskClient final : public FreshworksClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FreshdeskClient)

public:
    FreshdeskClient(QNetworkAccessManager *nam, FreshdeskDomain domain, QByteArray apiKey,
                    FreshworksTransport::Options options = {}, QObject *parent = nullptr);

    QString provider() const override { return QStringLiteral("freshdesk"); }
    QCoro::Task<Result<HelpdeskAgent>> verify() override;
    QCoro::Task<Result<std::optional<HelpdeskContact>>> findContactByEmail(QString email) override;
    QCoro::Task<Result<HelpdeskCompany>> getCompany(qint64 companyId) override;
    QCoro::Task<Result<QList<HelpdeskCompany>>> listCompanies() override;
    // GET /agents/{id} or /contacts/{id} (the other one when the first has no such user).
    QCoro::Task<Result<QString>> personName(qint64 userId, bool likelyContact) override;

protected:
    QJsonValue unwrap(const QJsonDocument &doc, const QString &key) const override;
    Ticket ticketFrom(const QJsonObject &o) const override;
    HelpdeskAgent agentFrom(const QJsonObject &o) const override;
};

} // namespace cb
