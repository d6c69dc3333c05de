#include "syncevents.h"

#include <QMetaMethod>

namespace cb {

SyncEvents::SyncEvents(QObject *parent)
    : QObject(parent)
{}

SyncEvents::~SyncEvents() = default;

void SyncEvents::forwardQueued(SyncEvents *from, SyncEvents *to)
{
    qRegisterMetaType<cb::StoreSummary>();
    qRegisterMetaType<cb::WebhookSetupInfo>();
    qRegisterMetaType<cb::ImportSummary>();
    qRegisterMetaType<cb::IntegrationHealthList>();
    const QMetaObject &meta = SyncEvents::staticMetaObject;
    for (int i = meta.methodOffset(); i < meta.methodCount(); ++i) {
        const QMetaMethod m = meta.method(i);
        if (m.methodType() == QMetaMethod::Signal)
            QObject::connect(from, m, to, m, Qt::QueuedConnection);
    }
}

} // namespace cb
