#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace cb {

// Freshdesk automation rules with a "Trigger webhook" action: on ticket events (created, updated, note added —
// API changes included, as Freshdesk does) POST the ticket in the rule's payload shape, and on failure retry at
// +5, +30 and +60 minutes (times `retryScale`, so tests and demos need not wait an hour).
class SandboxAutomation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxAutomation)

public:
    struct Rule
    {
        QUrl url;
        QString shape = QStringLiteral("simple"); // simple | thin | flat | form | workflow (Freshservice)
        QByteArray headerName;                    // e.g. X-Casebridge-Webhook-Secret
        QByteArray headerValue;
        QString basicUser; // "Requires authentication" with Basic user/password
        QString basicPassword;
        QStringList events; // created | updated | note_added; empty: every event
    };

    explicit SandboxAutomation(QNetworkAccessManager *nam, QObject *parent = nullptr);

    void addRule(const Rule &rule);
    void clearRules();
    int ruleCount() const { return int(m_rules.size()); }
    const QList<Rule> &rules() const { return m_rules; }
    void setRetryScale(double scale) { m_retryScale = scale; }
    void setEnabled(bool on) { m_enabled = on; }
    // `triggered` is Freshdesk's non-JSON triggered_event text, e.g. {status:{from:2,to:3}}.
    void fire(const QJsonObject &ticket, const QString &event, const QString &triggered);
    QList<QJsonObject> deliveries() const { return m_deliveries; }
    static QByteArray render(const QString &shape, const QJsonObject &ticket, const QString &event,
                             const QString &triggered, QByteArray *contentType);

private:
    void deliver(int ruleIndex, QByteArray body, QByteArray contentType, qint64 ticketId, int attempt);

    QNetworkAccessManager *m_nam;
    QList<Rule> m_rules;
    QList<QJsonObject> m_deliveries;
    double m_retryScale = 1.0;
    bool m_enabled = true;
};

} // namespace cb
