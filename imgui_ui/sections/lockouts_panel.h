// LockoutsPanel: Active Lockouts. Each lockout with its source badge and
// time left and a Remove button (system lockouts ask first); a one-row form
// to lock a ticker out, whose errors show at the field the API names; and,
// on request, the history of removed and expired lockouts.
#pragma once

#include <set>
#include <vector>

#include "imgui_ui/desk_context.h"
#include "imgui_ui/widgets/field_errors.h"

namespace stonks::ui {

class LockoutsPanel {
 public:
  void draw(DeskContext& ctx, float height);

 private:
  void draw_form(DeskContext& ctx);
  void create(DeskContext& ctx);
  void draw_active(DeskContext& ctx, float height);
  void draw_history(DeskContext& ctx);
  void ask_remove(DeskContext& ctx, const Lockout& lockout);
  void remove(Requests& requests, Toasts& toasts, LockoutId id, const std::string& ticker);

  struct Form {
    char ticker[16] = {};
    int side = 0;  // index into the side names: both, buy, sell
    char reason[512] = {};
    int duration_minutes = 60;
    FieldErrors errors;
  };
  Form form_;
  std::uint64_t ticker_changes_seen_ = 0;  // DeskNavigation::ticker_changes last taken
  bool show_history_ = false;
  std::set<LockoutId> removing_;         // removals sent and not answered yet
  std::vector<const Lockout*> active_;   // this frame's, by id
  std::vector<const Lockout*> history_;  // this frame's, newest first
};

}  // namespace stonks::ui
