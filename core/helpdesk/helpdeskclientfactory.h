#pragma once

#include "helpdesk/helpdeskclientmaker.h"

class QNetworkAccessManager;

namespace cb {

// The ClientMaker for real helpdesks: normalises the domain and builds the provider's client on `nam`.
HelpdeskClientMaker makeHelpdeskClientMaker(QNetworkAccessManager *nam);

} // namespace cb
