#include "integrationsettings.h"

namespace cb {

std::optional<IntegrationSettings::Intake> IntegrationSettings::parseIntake(const QString &s)
{
    if (s == QLatin1String("all"))
        return Intake::All;
    if (s == QLatin1String("assigned"))
        return Intake::Assigned;
    if (s == QLatin1String("none"))
        return Intake::None;
    return std::nullopt;
}

bool IntegrationSettings::parseIntake(const QString &s, IntegrationSettings &into)
{
    if (s.startsWith(QLatin1String("group:"))) {
        bool ok = false;
        const qint64 id = s.mid(6).toLongLong(&ok);
        if (!ok || id <= 0)
            return false;
        into.intake = Intake::Group;
        into.defaultGroupId = id;
        return true;
    }
    const auto intake = parseIntake(s);
    if (!intake)
        return false;
    into.intake = *intake;
    return true;
}

QString IntegrationSettings::intakeSpelling() const
{
    if (intake == Intake::Group)
        return QStringLiteral("group:%1").arg(defaultGroupId.value_or(0));
    return toString(intake);
}

std::optional<IntegrationSettings::CommentMode> IntegrationSettings::parseComments(const QString &s)
{
    if (s == QLatin1String("public"))
        return CommentMode::Public;
    if (s == QLatin1String("private"))
        return CommentMode::Private;
    if (s == QLatin1String("off"))
        return CommentMode::Off;
    return std::nullopt;
}

bool IntegrationSettings::parseHandoff(const QString &s, IntegrationSettings &into)
{
    if (s == QLatin1String("unassign")) {
        into.handoff = HandoffMode::UnassignReopen;
        into.handoffTargetId.reset();
        return true;
    }
    if (s == QLatin1String("marker")) {
        into.handoff = HandoffMode::UnassignMarker;
        into.handoffTargetId.reset();
        return true;
    }
    const qsizetype colon = s.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return false;
    bool ok = false;
    const qint64 id = s.mid(colon + 1).toLongLong(&ok);
    if (!ok || id <= 0)
        return false;
    const QString kind = s.left(colon);
    if (kind == QLatin1String("agent"))
        into.handoff = HandoffMode::AssignAgent;
    else if (kind == QLatin1String("group"))
        into.handoff = HandoffMode::AssignGroup;
    else
        return false;
    into.handoffTargetId = id;
    return true;
}

QString IntegrationSettings::toString(Intake i)
{
    switch (i) {
    case Intake::All:
        return QStringLiteral("all");
    case Intake::Assigned:
        return QStringLiteral("assigned");
    case Intake::Group:
        return QStringLiteral("group");
    case Intake::None:
        return QStringLiteral("none");
    }
    return {};
}

QString IntegrationSettings::toString(CommentMode c)
{
    switch (c) {
    case CommentMode::Public:
        return QStringLiteral("public");
    case CommentMode::Private:
        return QStringLiteral("private");
    case CommentMode::Off:
        return QStringLiteral("off");
    }
    return {};
}

QString IntegrationSettings::handoffSpelling() const
{
    switch (handoff) {
    case HandoffMode::UnassignReopen:
        return QStringLiteral("unassign");
    case HandoffMode::UnassignMarker:
        return QStringLiteral("marker");
    case HandoffMode::AssignAgent:
        return QStringLiteral("agent:%1").arg(handoffTargetId.value_or(0));
    case HandoffMode::AssignGroup:
        return QStringLiteral("group:%1").arg(handoffTargetId.value_or(0));
    }
    return {};
}

IntegrationSettings IntegrationSettings::fromJson(const QJsonObject &o)
{
    IntegrationSettings s;
    if (!parseIntake(o.value(QStringLiteral("intake")).toString(), s))
        s.intake = Intake::All;
    parseHandoff(o.value(QStringLiteral("handoff")).toString(QStringLiteral("unassign")), s);
    s.markerField = o.value(QStringLiteral("marker_field")).toString(s.markerField);
    s.comments = parseComments(o.value(QStringLiteral("comments")).toString()).value_or(CommentMode::Off);
    s.footer = o.value(QStringLiteral("footer")).toString();
    if (o.value(QStringLiteral("default_group_id")).isDouble())
        s.defaultGroupId = qint64(o.value(QStringLiteral("default_group_id")).toDouble());
    s.reconcileIntervalSec = o.value(QStringLiteral("reconcile_interval_s")).toInt(600);
    s.phoneCallingCode = o.value(QStringLiteral("phone_calling_code")).toString(QStringLiteral("1"));
    return s;
}

QJsonObject IntegrationSettings::toJson() const
{
    QJsonObject o{{QStringLiteral("intake"), intakeSpelling()},
                  {QStringLiteral("handoff"), handoffSpelling()},
                  {QStringLiteral("marker_field"), markerField},
                  {QStringLiteral("comments"), toString(comments)},
                  {QStringLiteral("footer"), footer},
                  {QStringLiteral("reconcile_interval_s"), reconcileIntervalSec},
                  {QStringLiteral("phone_calling_code"), phoneCallingCode}};
    if (defaultGroupId)
        o.insert(QStringLiteral("default_group_id"), *defaultGroupId);
    return o;
}

} // namespace cb
