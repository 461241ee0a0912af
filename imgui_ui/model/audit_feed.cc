// AuditFeed: paging, parsing, filtering.
#include "imgui_ui/model/audit_feed.h"

#include "imgui_ui/model/order_rows.h"

namespace stonks::ui {
namespace {

std::string text_of(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The ticker an entry is about: a lockout's, or its order's.
std::string ticker_of(const nlohmann::json& details, const std::string& target, const EngineState& state) {
  if (std::string t = text_of(details, "ticker"); !t.empty()) return t;
  if (const auto l = details.find("lockout"); l != details.end() && l->is_object()) return text_of(*l, "ticker");
  OrderId order = 0;
  if (const auto o = details.find("order_id"); o != details.end() && o->is_number_unsigned()) order = o->get<OrderId>();
  if (order == 0 && target.rfind("order/", 0) == 0) order = std::strtoull(target.c_str() + 6, nullptr, 10);
  if (const Order* o = order ? state.order(order) : nullptr) return o->intent().symbol.str();
  return {};
}

}  // namespace

std::optional<std::string> AuditFeed::next_request(EventSeq last_seq) {
  if (in_flight_ || (cursor_ >= last_seq && !has_more_)) return std::nullopt;
  in_flight_ = true;
  return "/api/audit?after=" + std::to_string(cursor_) + "&limit=" + std::to_string(kPageSize);
}

Status AuditFeed::on_page(const nlohmann::json& body, const EngineState& state) {
  in_flight_ = false;
  const auto entries = body.find("entries");
  const auto next = body.find("next_after");
  const auto more = body.find("has_more");
  if (entries == body.end() || !entries->is_array() || next == body.end() || !next->is_number_unsigned() ||
      more == body.end() || !more->is_boolean())
    return Status::invalid_argument("not an audit page");
  for (const nlohmann::json& e : *entries) {
    if (!e.is_object() || !e.contains("seq") || !e["seq"].is_number_unsigned()) continue;
    AuditRow row;
    row.seq = e["seq"].get<EventSeq>();
    if (row.seq <= (rows_.empty() ? 0 : rows_.back().seq)) continue;  // a page answered twice
    row.at = text_of(e, "at");
    row.actor = text_of(e, "actor");
    row.action = text_of(e, "action");
    row.target = text_of(e, "target");
    row.reason = text_of(e, "reason");
    const nlohmann::json details = e.value("details", nlohmann::json::object());
    row.ticker = ticker_of(details, row.target, state);
    row.details = details.dump();
    rows_.push_back(std::move(row));
    if (rows_.size() > kMaxRows) {
      rows_.pop_front();
      ++dropped_;
    }
  }
  cursor_ = std::max(cursor_, next->get<EventSeq>());
  has_more_ = more->get<bool>();
  return Status::ok();
}

bool matches(const AuditRow& row, const AuditFilter& f) {
  return contains_folded(row.action, f.action) && (f.actor.empty() || equal_folded(row.actor, f.actor)) &&
         (f.ticker.empty() || equal_folded(row.ticker, f.ticker));
}

const std::vector<std::string>& audit_headers() {
  static const std::vector<std::string> headers = {"Seq",    "Time",   "Actor",  "Action",
                                                   "Target", "Ticker", "Reason", "Details"};
  return headers;
}

std::vector<std::string> audit_cells(const AuditRow& r) {
  return {std::to_string(r.seq), r.at, r.actor, r.action, r.target, r.ticker, r.reason, r.details};
}

}  // namespace stonks::ui
