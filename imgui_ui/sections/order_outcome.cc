// OrderOutcome: one sentence per order status.
#include "imgui_ui/sections/order_outcome.h"

#include "imgui_ui/api_reply.h"

namespace stonks::ui {

std::string OrderOutcome::text() const {
  std::string out = headline;
  for (const std::string& r : reasons) out += "\n  " + r;
  return out;
}

OrderOutcome describe_order(const nlohmann::json& order) {
  const std::string name = "Order #" + std::to_string(json_int(order, "id"));
  const std::string status = json_string(order, "status");
  const std::string what =
      json_string(order, "side") + " " + std::to_string(json_int(order, "qty")) + " " + json_string(order, "ticker");
  OrderOutcome out;
  out.reasons = json_strings(order, "reasons");
  if (status == "filled") {
    out.headline = name + " filled: " + what + " at " + json_string(order, "avg_fill_price");
  } else if (status == "partially_filled") {
    out.headline = name + " partly filled: " + std::to_string(json_int(order, "filled_qty")) + " of " + what + " at " +
                   json_string(order, "avg_fill_price") + ", the rest working";
  } else if (status == "submitted" || status == "approved") {
    out.headline = name + " working at the broker: " + what;
  } else if (status == "pending_approval") {
    out.headline = name + " held for approval: " + what + " waits in Pending Approvals";
  } else if (status == "risk_rejected") {
    out.headline = name + " refused by the risk checks: " + what;
    out.refused = true;
  } else {
    out.headline = name + " " + status + ": " + what;
    out.refused = status == "rejected" || status == "expired" || status == "cancelled";
  }
  return out;
}

OrderOutcome submit_outcome(const ApiReply& r) {
  if (r.ok()) return describe_order(r.body);
  if (r.error_code != "risk_rejected") return OrderOutcome{"Not sent: " + r.error_text(), {}, true};
  OrderOutcome o = describe_order(json_member(r.body, "order"));
  if (o.reasons.empty()) o.reasons = r.reasons;
  o.refused = true;
  return o;
}

}  // namespace stonks::ui
