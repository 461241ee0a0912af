// DeskSettings: the desk's own part of the layout remembered across reloads
// (the open view, the selected ticker, filters and the chart's length), as
// "key=value" lines of its ImGui .ini section. Column widths, order and
// sort orders are the tables' own .ini sections, beside it. Never the
// journal's business: a reset sandbox keeps its layout.
#pragma once

#include <string>
#include <string_view>

#include "imgui_ui/model/alerts.h"
#include "imgui_ui/model/audit_feed.h"
#include "imgui_ui/model/book_rows.h"
#include "imgui_ui/model/desk_history.h"
#include "imgui_ui/model/order_rows.h"

namespace stonks::ui {

enum class DeskViewId;

struct DeskSettings {
  std::string view;    // DeskViewId's name
  std::string ticker;  // the selected one
  std::string market_filter;
  CandleLength length = CandleLength::k1m;
  int stale_after_seconds = 10;
  OrderFilter orders;
  FillFilter fills;
  AuditFilter audit;
  std::string dismissed_flatten;  // the time of the halt & flatten report dismissed
  AlertSettings alerts;
  bool operator==(const DeskSettings&) const = default;

  // One "key=value\n" per field.
  std::string to_lines() const;
  // Takes one line; an unknown key or a bad value is ignored (settings of
  // another version of the desk must never stop it from starting).
  void read_line(std::string_view line);
};

}  // namespace stonks::ui
