// StrategiesPanel: the list as the API holds it, changed only by whole-list
// PUTs; the form's errors shown beside the field the API names.
#include "imgui_ui/views/strategies_panel.h"

#include <cstdlib>
#include <cstring>

#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"
#include "strategy/strategy_registry.h"

namespace stonks::ui {
namespace {

// "fast=10 slow=30 allow_short=false qty=100": in the strategy's table order.
std::string params_text(const std::string& name, const nlohmann::json& params) {
  std::string out;
  for (const ParamDef& def : strategy_params(name)) {
    const nlohmann::json& value = json_member(params, std::string(def.key).c_str());
    if (value.is_null()) continue;
    out += (out.empty() ? "" : " ") + std::string(def.key) + "=" +
           (value.is_string() ? value.get<std::string>() : value.dump());
  }
  return out;
}

}  // namespace

StrategyForm::StrategyForm(const char* prefix, std::string field_prefix)
    : prefix_(prefix), field_prefix_(std::move(field_prefix)) {
  choose(strategy_names().front());
}

void StrategyForm::choose(const std::string& name) {
  name_ = name;
  const auto defs = strategy_params(name);
  texts_.assign(defs.size(), {});
  flags_.assign(defs.size(), false);
  field_names_ = {field_prefix_ + "name"};
  widget_ids_ = {ids::strategy_choice_id(prefix_, name)};
  for (std::size_t i = 0; i < defs.size(); ++i) {
    const std::string key(defs[i].key);
    if (defs[i].kind == ParamKind::kFlag)
      flags_[i] = defs[i].default_text == "true";
    else
      std::snprintf(texts_[i].data(), texts_[i].size(), "%.*s", static_cast<int>(defs[i].default_text.size()),
                    defs[i].default_text.data());
    field_names_.push_back(field_prefix_ + "params." + key);
    widget_ids_.push_back(ids::strategy_param_id(prefix_, key));
  }
  fields_.clear();
  for (std::size_t i = 0; i < field_names_.size(); ++i)
    fields_.push_back(FieldWidget{field_names_[i].c_str(), widget_ids_[i].c_str()});
}

bool StrategyForm::draw(DeskContext& ctx, const FieldErrors& errors, float label_width) {
  bool edited = false;
  field_label("Strategy", label_width);
  for (const std::string& n : strategy_names()) {
    if (choice_button(ctx.frame, ids::strategy_choice_id(prefix_, n), n.c_str(), n == name_) && n != name_) {
      choose(n);
      edited = true;
    }
    ImGui::SameLine();
  }
  ImGui::NewLine();
  inline_error(ctx.frame, errors, widget_ids_[0].c_str(), ErrorPlace::kBelow, "Strategy");
  const auto defs = strategy_params(name_);
  const float em = ImGui::GetFontSize();
  for (std::size_t i = 0; i < defs.size(); ++i) {
    const std::string key(defs[i].key);
    const std::string& id = widget_ids_[i + 1];
    if (defs[i].kind == ParamKind::kFlag) {
      ImGui::Dummy(ImVec2(label_width, 0));
      ImGui::SameLine();
      if (recorded_checkbox(ctx.frame, id, key.c_str(), flags_[i])) {
        flags_[i] = !flags_[i];
        edited = true;
      }
    } else {
      field_label(key.c_str(), label_width);
      edited |= recorded_input_text(ctx.frame, id, texts_[i].data(), texts_[i].size(), em * 8);
      if (!defs[i].absent.empty()) {  // an empty field has no default text to show, so say what it means
        ImGui::SameLine();
        ImGui::TextColored(kColorMuted, "%.*s", static_cast<int>(defs[i].absent.size()), defs[i].absent.data());
      }
    }
    inline_error(ctx.frame, errors, id.c_str());
  }
  return edited;
}

nlohmann::json StrategyForm::spec() const {
  nlohmann::json params = nlohmann::json::object();
  const auto defs = strategy_params(name_);
  for (std::size_t i = 0; i < defs.size(); ++i) {
    const std::string key(defs[i].key);
    const std::string text(texts_[i].data());
    switch (defs[i].kind) {
      case ParamKind::kFlag:
        params[key] = static_cast<bool>(flags_[i]);
        break;
      case ParamKind::kInteger: {
        if (text.empty()) break;
        char* end = nullptr;
        const long long v = std::strtoll(text.c_str(), &end, 10);
        if (*end == '\0')
          params[key] = v;
        else
          params[key] = text;
        break;
      }
      case ParamKind::kDecimal:
        if (!text.empty()) params[key] = text;
        break;
    }
  }
  return {{"name", name_}, {"params", std::move(params)}};
}

StrategiesPanel::StrategiesPanel() : form_("strategies", "strategies.0.") {}

void StrategiesPanel::put(DeskContext& ctx, nlohmann::json list, std::string done, bool from_form) {
  ctx.requests.send("PUT", "/api/strategies", {{"strategies", std::move(list)}},
                    [this, toasts = &ctx.toasts, done = std::move(done), from_form](const ApiReply& r) {
                      if (r.ok()) {
                        list_ = json_member(r.body, "strategies");
                        errors_.clear();
                        toasts->outcome(r, done, "");
                        return;
                      }
                      if (!from_form) return toasts->outcome(r, done, "Could not change the strategies");
                      // The new spec is sent last: its errors name strategies.<n>.
                      ApiReply shifted = r;
                      const std::string at = "strategies." + std::to_string(list_.size()) + ".";
                      if (shifted.error_field.rfind(at, 0) == 0)
                        shifted.error_field = "strategies.0." + shifted.error_field.substr(at.size());
                      std::vector<FieldWidget> fields(form_.fields().begin(), form_.fields().end());
                      fields.push_back({"strategies.0.symbol", ids::kStrategiesSymbol});
                      errors_.set(shifted, fields, ids::kStrategiesSwitchOn);
                    });
}

void StrategiesPanel::draw(DeskContext& ctx) {
  if (!asked_) {
    asked_ = true;
    ctx.requests.send("GET", "/api/strategies", nullptr, [this](const ApiReply& r) {
      if (r.ok()) list_ = json_member(r.body, "strategies");
    });
  }
  const float em = ImGui::GetFontSize();
  section_header(list_.empty() ? "Strategies: none on"
                               : ("Strategies on (" + std::to_string(list_.size()) + ")").c_str());
  ImGui::TextColored(kColorMuted,
                     "Fed 1-minute bars of the simulated market; their orders go through risk and approval.");
  for (std::size_t i = 0; i < list_.size(); ++i) {
    const nlohmann::json& s = list_[i];
    const std::string line = json_string(s, "symbol") + "  " + json_string(s, "name") + "  " +
                             params_text(json_string(s, "name"), json_member(s, "params"));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(line.c_str());
    ctx.frame.message(ids::kStrategiesList, line, false);
    ImGui::SameLine();
    if (recorded_button(ctx.frame, ids::strategy_off_id(i), "Switch off")) {
      nlohmann::json rest = list_;
      rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
      put(ctx, std::move(rest), json_string(s, "name") + " switched off for " + json_string(s, "symbol"), false);
    }
  }
  ImGui::Separator();
  const float label = em * 6;
  field_label("Symbol", label);
  bool edited = recorded_input_text(ctx.frame, ids::kStrategiesSymbol, symbol_.data(), symbol_.size(), em * 6,
                                    ImGuiInputTextFlags_CharsUppercase);
  inline_error(ctx.frame, errors_, ids::kStrategiesSymbol);
  edited |= form_.draw(ctx, errors_, label);
  if (edited) errors_.clear();
  if (recorded_button(ctx.frame, ids::kStrategiesSwitchOn, "Switch on")) {
    nlohmann::json spec = form_.spec();
    spec["symbol"] = std::string(symbol_.data());
    nlohmann::json next = list_;
    next.push_back(spec);
    put(ctx, std::move(next), form_.name() + " switched on for " + std::string(symbol_.data()), true);
  }
  inline_error(ctx.frame, errors_, ids::kStrategiesSwitchOn);
}

}  // namespace stonks::ui
