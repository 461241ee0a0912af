// OrderOutcome: what became of an order, in words, read from the API's
// order view: filled, held for approval, working, or refused with every
// reason. The ticket and the approval decisions say it the same way.
#pragma once

#include "imgui_ui/api_reply.h"

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace stonks::ui {

struct OrderOutcome {
  std::string headline;              // "Order #5 filled: buy 10 AAPL at 100.10"
  std::vector<std::string> reasons;  // every failed check or refusal, as the API wrote it
  bool refused = false;              // risk-rejected, rejected, expired or cancelled

  // The headline, then each reason on its own line.
  std::string text() const;
};

OrderOutcome describe_order(const nlohmann::json& order);

// What a POST /api/orders reply says: the order's outcome, the risk
// refusal with every reason, or why it was not sent at all.
OrderOutcome submit_outcome(const ApiReply& reply);

}  // namespace stonks::ui
