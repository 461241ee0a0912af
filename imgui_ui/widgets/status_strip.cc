// The status strip: chips in a wrapping row.
#include "imgui_ui/widgets/status_strip.h"

#include <algorithm>

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/model/feed_freshness.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"
#include "risk/approval.h"

namespace stonks::ui {
namespace {

const ImVec4 kLiveRed{0.80f, 0.10f, 0.10f, 1.0f};
const ImVec4 kPaperBlue{0.16f, 0.36f, 0.62f, 1.0f};
const ImVec4 kDisabledGrey{0.32f, 0.34f, 0.36f, 1.0f};
const ImVec4 kAmber{0.70f, 0.45f, 0.05f, 1.0f};
const ImVec4 kChipBg{0.18f, 0.20f, 0.23f, 1.0f};
const ImVec4 kFlattenRed{0.55f, 0.05f, 0.05f, 1.0f};

// Lays chips out left to right, wrapping before one that would cross the
// right edge; a chip wider than a whole line is elided to fit.
class ChipRow {
 public:
  ChipRow() : left_(ImGui::GetCursorScreenPos().x), right_(left_ + ImGui::GetContentRegionAvail().x) {}

  // Draws one chip; true when clicked. `id` records its rectangle and what
  // it says (a message there), `tooltip` shows on hover (the full text
  // when elided).
  // `at_least`: a text whose width the chip keeps whatever it says now, so
  // that a chip changing its words (Saved / Saving...) never re-wraps the
  // strip and moves everything under it while the operator aims a click.
  bool chip(FrameRecord& frame, const char* id, std::string text, const ImVec4& bg, const ImVec4& fg,
            const std::string& tooltip = {}, bool error = false, const std::string& at_least = {}) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float pad = style.FramePadding.x;
    const float full = std::max(ImGui::CalcTextSize(text.c_str()).x, ImGui::CalcTextSize(at_least.c_str()).x) + pad * 2;
    const float line = right_ - left_;
    std::string shown = text;
    if (full > line) shown = elide(text, line - pad * 2);
    const float w = std::min(full, line);
    if (!first_) {
      const float x = ImGui::GetItemRectMax().x + style.ItemSpacing.x;
      if (x + w <= right_) ImGui::SameLine();
    }
    first_ = false;
    ImGui::PushStyleColor(ImGuiCol_Button, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, bg);
    ImGui::PushStyleColor(ImGuiCol_Text, fg);
    ImGui::PushID(id);
    const bool clicked = ImGui::Button(shown.c_str(), ImVec2(w, 0));
    ImGui::PopID();
    ImGui::PopStyleColor(4);
    frame.widget(id);
    frame.message(id, text, error);
    const std::string& tip = tooltip.empty() && shown != text ? text : tooltip;
    if (!tip.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip.c_str());
    return clicked;
  }

 private:
  static std::string elide(const std::string& text, float width) {
    std::string out = text;
    while (!out.empty() && ImGui::CalcTextSize((out + "...").c_str()).x > width) out.pop_back();
    return out + "...";
  }

  float left_, right_;
  bool first_ = true;
};

}  // namespace

StatusStripActions draw_status_strip(DeskContext& ctx, Duration stale_after) {
  const EngineState& s = ctx.state();
  const HostStatus& host = ctx.view.host;
  StatusStripActions actions;
  ChipRow row;
  const ImVec4 white{1, 1, 1, 1};

  switch (s.mode) {
    case TradingMode::kLive:
      row.chip(ctx.frame, ids::kStripMode, "LIVE", kLiveRed, white, "Orders go to the broker with real money");
      break;
    case TradingMode::kPaper:
      row.chip(ctx.frame, ids::kStripMode, "PAPER", kPaperBlue, white, "Orders fill against the simulated market");
      break;
    case TradingMode::kDisabled:
      row.chip(ctx.frame, ids::kStripMode, "DISABLED", kDisabledGrey, white, "Every order is refused");
      break;
  }
  if (s.halted)
    row.chip(ctx.frame, ids::kStripHalt, "HALTED", kLiveRed, white,
             std::string(to_string(s.halt_cause)) + ": " + s.halt_reason + " (reduce-only)");

  if (row.chip(ctx.frame, ids::kStripFlatten, "HALT & FLATTEN", kFlattenRed, white,
               "Halt, reject every pending approval, cancel every working order and close every position (asks first)"))
    actions.flatten = true;

  const bool held = requires_approval(s.mode, s.config);
  row.chip(ctx.frame, ids::kStripApprovals, held ? "Approvals: held for you" : "Approvals: automatic", kChipBg,
           held ? kColorText : kColorWarn);
  const std::size_t pending = s.approvals.pending_count();
  if (row.chip(ctx.frame, ids::kStripPending, "Pending " + std::to_string(pending), pending ? kAmber : kChipBg,
               pending ? white : kColorText, "Open the approval queue"))
    actions.open_queue = true;

  std::size_t active = 0;
  for (const auto& [id, l] : s.lockouts.all()) active += l.active_at(ctx.view.now) ? 1 : 0;
  row.chip(ctx.frame, ids::kStripLockouts, "Lockouts " + std::to_string(active), kChipBg,
           active ? kColorWarn : kColorText);

  if (row.chip(ctx.frame, ids::kStripAlerts, "Alerts", kChipBg, kColorText, "Which alerts toast, sound and notify"))
    actions.alerts = true;

  const FeedFreshness feed = feed_freshness(s.market, ctx.view.now, stale_after);
  const std::string feed_text = feed.age ? "Feed " + format_duration(*feed.age) + " old" : "Feed: no quotes";
  row.chip(ctx.frame, ids::kStripFeed, feed.stale ? feed_text + " (stale)" : feed_text, feed.stale ? kAmber : kChipBg,
           feed.stale ? white : kColorOk,
           "Age of the newest quote in the engine's clock; stale after " + format_duration(stale_after), false,
           "Feed 59m 59s old (stale)");

  const std::string& detail = host.persistence_detail;
  const std::string saved = "Saved" + (detail.empty() ? "" : " to " + detail);
  switch (host.persistence) {
    case HostStatus::Persistence::kOff:  // the host keeps no store of its own (a server's desk)
      break;
    case HostStatus::Persistence::kSaved:
      row.chip(ctx.frame, ids::kPersistence, saved, kChipBg, kColorOk);
      break;
    case HostStatus::Persistence::kSaving:
      row.chip(ctx.frame, ids::kPersistence, "Saving...", kChipBg, kColorMuted, {}, false, saved);
      break;
    case HostStatus::Persistence::kFailed:
      row.chip(ctx.frame, ids::kPersistence, "Saving failed: " + (detail.empty() ? "unknown error" : detail), kLiveRed,
               white, {}, true);
      break;
  }
  if (!host.storage_persistent)
    row.chip(ctx.frame, ids::kPersistence, "The browser may evict this store: persistent storage was refused", kAmber,
             white);

  if (host.link == HostStatus::Link::kLive)
    row.chip(ctx.frame, ids::kConnection, "Connected to " + host.link_detail, kChipBg, kColorOk);
  else if (host.link == HostStatus::Link::kLost)
    row.chip(ctx.frame, ids::kConnection,
             "Connection lost" + (host.link_detail.empty() ? std::string() : ": " + host.link_detail) +
                 ". Showing the last state received (stale); reconnecting...",
             kLiveRed, white, {}, true);
  return actions;
}

}  // namespace stonks::ui
