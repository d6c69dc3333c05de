#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace cb {

// The choices an admin makes when connecting a helpdesk (stored as JSON in integrations.settings).
struct IntegrationSettings
{
    enum class Intake
    {
        All,
        Assigned,
        Group, // tickets of defaultGroupId
        None
    };
    enum class HandoffMode
    {
        UnassignReopen,
        UnassignMarker,
        AssignAgent,
        AssignGroup
    };
    enum class CommentMode
    {
        Public,
        Private,
        Off
    };

    Intake intake = Intake::All;
    HandoffMode handoff = HandoffMode::UnassignReopen;
    std::optional<qint64> handoffTargetId; // agent or group id
    QString markerField = QStringLiteral("cf_casebridge_handoff");
    CommentMode comments = CommentMode::Off; // off for new integrations; a stored choice is kept
    QString footer;
    std::optional<qint64> defaultGroupId; // intake=group's group; for intake=assigned, the agent's group
    int reconcileIntervalSec = 600;
    QString phoneCallingCode = QStringLiteral("1"); // default country for national phone numbers (screen pop)

    static IntegrationSettings fromJson(const QJsonObject &o);
    QJsonObject toJson() const;

    // Parses the CLI spelling: all|assigned|group:ID|none; unassign|marker|agent:ID|group:ID; public|private|off.
    static std::optional<Intake> parseIntake(const QString &s);
    // As parseIntake, and group:ID sets defaultGroupId.
    static bool parseIntake(const QString &s, IntegrationSettings &into);
    static bool parseHandoff(const QString &s, IntegrationSettings &into);
    static std::optional<CommentMode> parseComments(const QString &s);
    static QString toString(Intake i);
    static QString toString(CommentMode c);
    QString handoffSpelling() const;
    QString intakeSpelling() const; // group:ID for Intake::Group
};

} // namespace cb

Q_DECLARE_METATYPE(cb::IntegrationSettings)
