// AuditFeed: the Audit view's entries, read page by page through GET
// /api/audit (the same route in the sandbox and on a server, so both show
// the same log, older entries read back from the journal by the host) and
// then followed as new events commit. Keeps the newest kMaxRows.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/engine_state.h"
#include "model/status.h"

namespace stonks::ui {

struct AuditRow {
  EventSeq seq = 0;
  std::string at;  // as the API gives it (ISO-8601 UTC)
  std::string actor;
  std::string action;
  std::string target;
  std::string ticker;  // from the entry's details, or its order's; empty when none
  std::string reason;
  std::string details;  // the details object as JSON text
};

class AuditFeed {
 public:
  static constexpr std::size_t kMaxRows = 10'000;
  static constexpr int kPageSize = 500;

  // The path of the next page to ask for ("/api/audit?after=N&limit=500")
  // when the feed is behind `last_seq` and no page is in flight; it is then
  // in flight until on_page() or on_failure().
  std::optional<std::string> next_request(EventSeq last_seq);
  // The answer to that request. A body that is not an audit page changes
  // nothing (kInvalidArgument). `state` names the ticker of order entries.
  Status on_page(const nlohmann::json& body, const EngineState& state);
  // The request failed: it may be asked again.
  void on_failure() { in_flight_ = false; }

  const std::deque<AuditRow>& rows() const { return rows_; }
  // How many older entries were let go to stay within kMaxRows.
  std::size_t dropped() const { return dropped_; }
  EventSeq cursor() const { return cursor_; }
  // The server said a full next page waits: ask again at once.
  bool has_more() const { return has_more_; }

 private:
  std::deque<AuditRow> rows_;
  EventSeq cursor_ = 0;
  bool in_flight_ = false;
  bool has_more_ = false;
  std::size_t dropped_ = 0;
};

struct AuditFilter {
  std::string action;  // part of the action, any case
  std::string actor;   // exact, any case
  std::string ticker;  // exact, any case
  bool operator==(const AuditFilter&) const = default;
};
bool matches(const AuditRow& row, const AuditFilter& filter);

const std::vector<std::string>& audit_headers();
std::vector<std::string> audit_cells(const AuditRow& row);

}  // namespace stonks::ui
