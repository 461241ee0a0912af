// The Audit & News view: who did what, when and why (GET /api/audit, paged
// from the oldest entry and followed as events commit; filters by action,
// actor and ticker; CSV export), and the headlines the engine received.
#pragma once

#include <optional>
#include <vector>

#include "imgui_ui/desk_context.h"
#include "imgui_ui/model/audit_feed.h"

namespace stonks::ui {

class AuditView {
 public:
  // Asks for the next page of the log when the state moved past it.
  void follow(DeskContext& ctx);
  void draw(DeskContext& ctx);

  AuditFilter filter;  // remembered across reloads

 private:
  void draw_log(DeskContext& ctx, float height);
  void draw_news(DeskContext& ctx);
  // The entries that pass the filter, newest first, remade only when a page
  // came in or the filter changed.
  const std::vector<const AuditRow*>& rows();

  AuditFeed feed_;
  std::vector<const AuditRow*> rows_;
  struct Key {
    std::size_t rows = 0, dropped = 0;
    AuditFilter filter;
    bool operator==(const Key&) const = default;
  };
  std::optional<Key> rows_key_;
  std::string error_;  // why the last page failed
  char action_[32] = {};
  char actor_[64] = {};
  char ticker_[16] = {};
  char news_ticker_[16] = {};
};

}  // namespace stonks::ui
