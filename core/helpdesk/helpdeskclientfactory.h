#pragma once

#include "sync/integrationmanager.h"

class QNetworkAccessManager;

namespace cb {

// The ClientMaker for real helpdesks: normalises the domain and builds the provider's client on `nam`.
IntegrationManager::ClientMaker makeHelpdeskClientMaker(QNetworkAccessManager *nam);

} // namespace cb
