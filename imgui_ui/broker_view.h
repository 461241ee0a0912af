// BrokerStatusView: what the host knows of the broker a live server trades
// at, for the desk's Broker section. (Not execution/broker.h's BrokerView,
// which is what the engine shows a Broker.)
#pragma once

#include <string>

#include "api/broker_status.h"

namespace stonks::ui {

struct BrokerStatusView {
  bool received = false;    // false: no answer from GET /api/broker yet
  BrokerStatus status;      // the server's last answer
  std::string fetch_error;  // the last poll failed: why (what shows is older)
};

}  // namespace stonks::ui
