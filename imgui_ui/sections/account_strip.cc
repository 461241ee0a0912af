// The account strip: the same figures GET /api/account answers.
#include "imgui_ui/sections/account_strip.h"

#include "imgui_ui/widgets/controls.h"
#include "risk/risk_checks.h"

namespace stonks::ui {
namespace {

// One "name value" pair; every pair but the first starts on the same line.
void figure(const char* name, const std::string& value, const ImVec4& color = kColorText, bool first = false) {
  if (!first) ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
  ImGui::TextColored(kColorMuted, "%s", name);
  ImGui::SameLine();
  ImGui::TextColored(color, "%s", value.c_str());
}

}  // namespace

Money desk_buying_power(const EngineState& s, Timestamp now) {
  return buying_power(RiskContext{s.config, s.mode, s.halted, now, s.lockouts, s.market, s.portfolio, s.valuation,
                                  s.open_orders.summary(Symbol(), 0, s.market)});
}

void draw_account_strip(DeskContext& ctx) {
  const EngineState& s = ctx.state();
  const Portfolio& p = s.portfolio;
  const Money market_value = s.valuation.market_value();
  const Money day = p.day_pnl_at(market_value);
  figure("Cash", p.cash().to_string(), kColorText, true);
  figure("Equity", p.equity_at(market_value).to_string());
  figure("Day P&L", (day > Money() ? "+" : "") + day.to_string(),
         day < Money() ? kColorError : (day > Money() ? kColorOk : kColorText));
  figure("Buying power", desk_buying_power(s, ctx.view.now).to_string());
  figure("Open orders", std::to_string(s.open_orders.size()));
  figure("Pending approvals", std::to_string(s.approvals.pending_count()),
         s.approvals.pending_count() > 0 ? kColorWarn : kColorText);
}

}  // namespace stonks::ui
