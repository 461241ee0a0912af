// OrderTicketPanel: the ticket's fields, its risk preview and its outcome.
#include "imgui_ui/sections/order_ticket_panel.h"

#include <cstdio>

#include "imgui_ui/model/ticket_market.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"
#include "json/json_values.h"

namespace stonks::ui {
namespace {

constexpr FieldWidget kTicketFields[] = {{"ticker", ids::kTicketTicker},
                                         {"side", ids::kTicketBuy},
                                         {"qty", ids::kTicketQty},
                                         {"type", ids::kTicketMarket},
                                         {"limit_price", ids::kTicketLimitPrice}};

// Names laid out left to right, wrapping at the region's edge.
void flow_text(const std::vector<std::string>& items, const ImVec4& color) {
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  bool first = true;
  for (const std::string& item : items) {
    const float width = ImGui::CalcTextSize(item.c_str()).x;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
    }
    ImGui::TextColored(color, "%s", item.c_str());
    first = false;
  }
}

}  // namespace

nlohmann::json OrderTicketPanel::body() const {
  nlohmann::json b = {
      {"ticker", ticker_}, {"side", to_string(side_)}, {"qty", qty_}, {"type", limit_ ? "limit" : "market"}};
  if (limit_) b["limit_price"] = limit_price_;
  return b;
}

void OrderTicketPanel::draw(DeskContext& ctx) {
  section_header("Order Ticket");
  if (ctx.nav.ticker_changes != ticker_changes_seen_) {  // a ticker selected elsewhere
    ticker_changes_seen_ = ctx.nav.ticker_changes;
    std::snprintf(ticker_, sizeof ticker_, "%s", ctx.nav.ticker.c_str());
  }
  draw_fields(ctx);
  const nlohmann::json current = body();
  const std::string text = dump_json(current);
  if (ticker_[0] == '\0') {
    preview_.reset();  // nothing to preview; no request either
  } else if (!preview_in_flight_) {
    const double since = ImGui::GetTime() - previewed_at_;
    const bool edited = text != previewed_body_;
    const bool moved = ctx.state().last_seq != previewed_seq_;
    if ((edited && since >= kPreviewInterval) || (moved && since >= kPreviewRefresh))
      request_preview(ctx, current, text);
  }
  draw_preview(ctx, text);
  ImGui::Spacing();
  if (recorded_button(ctx.frame, ids::kTicketSend, sending_ ? "Sending..." : "Send order", !sending_))
    send(ctx, current);
  inline_error(ctx.frame, errors_, ids::kTicketSend);
  if (outcome_) inline_note(ctx.frame, ids::kTicketSend, outcome_->text(), outcome_->refused);
}

void OrderTicketPanel::draw_fields(DeskContext& ctx) {
  const float label = ImGui::GetFontSize() * 6;
  const float field = ImGui::GetFontSize() * 8;
  bool edited = false;
  field_label("Ticker", label);
  edited |= recorded_input_text(ctx.frame, ids::kTicketTicker, ticker_, field, ImGuiInputTextFlags_CharsUppercase);
  inline_error(ctx.frame, errors_, ids::kTicketTicker);
  edited |= draw_market_line(ctx, label);

  field_label("Side", label);
  if (choice_button(ctx.frame, ids::kTicketBuy, "Buy", side_ == Side::kBuy)) side_ = Side::kBuy;
  ImGui::SameLine();
  if (choice_button(ctx.frame, ids::kTicketSell, "Sell", side_ == Side::kSell)) side_ = Side::kSell;
  inline_error(ctx.frame, errors_, ids::kTicketBuy);

  field_label("Quantity", label);
  edited |= recorded_input_int(ctx.frame, ids::kTicketQty, qty_, field);
  inline_error(ctx.frame, errors_, ids::kTicketQty);

  field_label("Type", label);
  if (choice_button(ctx.frame, ids::kTicketMarket, "Market", !limit_)) limit_ = false;
  ImGui::SameLine();
  if (choice_button(ctx.frame, ids::kTicketLimit, "Limit", limit_)) limit_ = true;
  inline_error(ctx.frame, errors_, ids::kTicketMarket);

  field_label("Limit price", label);
  ImGui::BeginDisabled(!limit_);
  edited |=
      recorded_input_text(ctx.frame, ids::kTicketLimitPrice, limit_price_, field, ImGuiInputTextFlags_CharsDecimal);
  ImGui::EndDisabled();
  inline_error(ctx.frame, errors_, ids::kTicketLimitPrice);
  // Typing clears the errors it may fix; the next preview says whether it did.
  if (edited) errors_.clear();
}

bool OrderTicketPanel::draw_market_line(DeskContext& ctx, float label) {
  std::optional<Price> limit;
  if (limit_)
    if (Result<Price> p = Price::parse(limit_price_); p.is_ok()) limit = p.value();
  const TicketMarket m = ticket_market(ctx.state(), ticker_, side_, qty_, limit);
  bool completed = false;
  if (!m.completions.empty()) {
    field_label("", label);
    for (const std::string& t : m.completions) {
      if (recorded_button(ctx.frame, ids::ticket_completion_id(t), t.c_str())) {
        std::snprintf(ticker_, sizeof ticker_, "%s", t.c_str());
        completed = true;
      }
      ImGui::SameLine();
    }
    ImGui::NewLine();
  }
  if (ticker_[0] == '\0') return completed;
  field_label("", label);
  if (!m.known) {
    inline_note(ctx.frame, ids::kTicketMarketLine,
                "Unknown ticker: the engine has no price for " + std::string(ticker_), true);
    return completed;
  }
  auto opt = [](const std::optional<Price>& p) { return p ? p->to_string() : std::string("-"); };
  std::string line = "bid " + opt(m.bid) + "  ask " + opt(m.ask) + "  last " + opt(m.last);
  ImGui::TextColored(kColorAccent, "%s", line.c_str());
  field_label("", label);
  const std::string position = "position " + std::to_string(m.position_before) + " -> " +
                               std::to_string(m.position_after) +
                               (m.notional ? ", est. notional " + m.notional->to_string() : "");
  ImGui::TextColored(kColorMuted, "%s", position.c_str());
  ctx.frame.message(ids::kTicketMarketLine, line + "; " + position, false);
  return completed;
}

void OrderTicketPanel::request_preview(DeskContext& ctx, const nlohmann::json& body, const std::string& text) {
  previewed_body_ = text;
  previewed_at_ = ImGui::GetTime();
  previewed_seq_ = ctx.state().last_seq;
  preview_in_flight_ = true;
  ctx.requests.send("POST", "/api/orders/preview", body, [this, text](const ApiReply& r) {
    preview_in_flight_ = false;
    if (text != dump_json(this->body())) return;  // the ticket changed meanwhile: the next preview tells
    Preview p;
    p.body = text;
    if (r.ok()) {
      errors_.clear();
      p.ok = json_bool(r.body, "ok");
      p.notional = json_string(r.body, "notional");
      p.passed = json_strings(r.body, "passed");
      const nlohmann::json& denials = json_member(r.body, "denials");
      if (denials.is_array())
        for (const nlohmann::json& d : denials)
          p.denials.emplace_back(json_string(d, "code"), json_string(d, "detail"));
      const nlohmann::json& gate = json_member(r.body, "gate");
      p.gate = json_string(gate, "reason");
      p.gate_holds = json_string(gate, "decision") == "require_approval";
    } else if (r.status == 400 && !r.error_field.empty()) {
      errors_.set(r, kTicketFields, ids::kTicketPreview);
      preview_.reset();
      return;
    } else {
      p.unavailable = "Risk preview unavailable: " + r.error_text();
    }
    preview_ = std::move(p);
  });
}

void OrderTicketPanel::draw_preview(DeskContext& ctx, const std::string& text) {
  ImGui::Spacing();
  inline_error(ctx.frame, errors_, ids::kTicketPreview, ErrorPlace::kBelow, "Risk preview");
  if (!preview_) {
    if (ticker_[0] == '\0') ImGui::TextColored(kColorMuted, "Enter a ticker to see the risk checks before sending.");
    return;
  }
  const Preview& p = *preview_;
  if (!p.unavailable.empty()) {
    inline_note(ctx.frame, ids::kTicketPreview, p.unavailable, true);
    return;
  }
  std::string headline = p.ok ? "Risk preview: passes every check" : "Risk preview: would be refused";
  if (!p.notional.empty()) headline += ", notional " + p.notional;
  if (p.body != text) headline += " (updating)";
  std::string shown = headline;
  for (const auto& [code, detail] : p.denials) shown += "\n" + code + ": " + detail;
  ctx.frame.message(ids::kTicketPreview, shown, !p.ok);
  ImGui::TextColored(p.ok ? kColorOk : kColorError, "%s", headline.c_str());
  if (!p.gate.empty()) {
    // Before Send: whether it will wait for approval, and which rule says so.
    ImGui::PushStyleColor(ImGuiCol_Text, p.gate_holds ? kColorWarn : kColorAccent);
    ImGui::TextWrapped("Gate: %s", p.gate.c_str());
    ImGui::PopStyleColor();
    ctx.frame.message(ids::kTicketGate, p.gate, false);
  }
  for (const auto& [code, detail] : p.denials) {
    ImGui::PushStyleColor(ImGuiCol_Text, kColorError);
    ImGui::TextWrapped("FAIL %s: %s", code.c_str(), detail.c_str());
    ImGui::PopStyleColor();
  }
  std::vector<std::string> passed;
  passed.reserve(p.passed.size());
  for (const std::string& check : p.passed) passed.push_back("ok " + check);
  flow_text(passed, kColorOk);
}

void OrderTicketPanel::send(DeskContext& ctx, const nlohmann::json& body) {
  sending_ = true;
  outcome_.reset();
  errors_.clear();
  ctx.requests.send("POST", "/api/orders", body, [this](const ApiReply& r) {
    sending_ = false;
    if (r.status == 400 && r.error_code != "risk_rejected")
      errors_.set(r, kTicketFields, ids::kTicketSend);
    else
      outcome_ = submit_outcome(r);
  });
}

}  // namespace stonks::ui
