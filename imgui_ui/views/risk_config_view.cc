// Risk Config view.
#include "imgui_ui/views/risk_config_view.h"

#include <cstdio>

#include "imgui_ui/model/config_fields.h"
#include "imgui_ui/model/display_format.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"
#include "imgui_ui/widgets/table_tools.h"
#include "json/risk_config_json.h"

namespace stonks::ui {
namespace {

// Which kind of value a field holds, asked of a config kept for that.
template <class T>
bool holds(const ConfigField& f) {
  static RiskConfig probe;
  return std::holds_alternative<T*>(f.at(probe));
}

// Tickers can run long (up to 10,000 of them); numbers are short.
std::size_t capacity(const ConfigField& f) { return holds<std::vector<Symbol>>(f) ? 64 * 1024 : 64; }

// The widget of each field, built once: FieldErrors keeps pointers to them.
const std::vector<std::string>& field_widget_ids() {
  static const std::vector<std::string> out = [] {
    std::vector<std::string> v;
    for (const ConfigField& f : config_fields()) v.push_back(ids::risk_field_id(f.path));
    return v;
  }();
  return out;
}

const std::vector<FieldWidget>& field_widgets() {
  static const std::vector<FieldWidget> out = [] {
    std::vector<FieldWidget> v;
    const auto fields = config_fields();
    for (std::size_t i = 0; i < fields.size(); ++i) v.push_back({fields[i].path, field_widget_ids()[i].c_str()});
    return v;
  }();
  return out;
}

const char* section_title(std::string_view section) {
  if (section == "operator_approval") return "Operator approval";
  if (section == "limits") return "Limits";
  if (section == "guards") return "Guards (automatic lockouts)";
  return "Paper fills";
}

const std::string kDefaultsText = "the defaults";

std::string changes_text(const std::vector<FieldChange>& changes) {
  std::string out;
  for (const FieldChange& c : changes) out += (out.empty() ? "" : "\n") + describe(c) + (c.loosens ? "  (looser)" : "");
  return out.empty() ? "(no field changed)" : out;
}

}  // namespace

void RiskConfigView::load(const RiskConfig& config, std::int64_t current_version) {
  const auto fields = config_fields();
  texts_.assign(fields.size(), {});
  for (std::size_t i = 0; i < fields.size(); ++i) {
    texts_[i].assign(capacity(fields[i]), '\0');
    const std::string text = field_text(config, fields[i]);
    std::snprintf(texts_[i].data(), texts_[i].size(), "%s", text.c_str());
  }
  base_version_ = current_version;
  errors_.clear();
}

void RiskConfigView::draw(DeskContext& ctx) {
  const EngineState& s = ctx.state();
  // An unedited form follows the current version.
  if (texts_.empty() || (!dirty_ && base_version_ != s.config.version)) load(s.config, s.config.version);
  if (ImGui::BeginTable("##risk_config_layout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableSetupColumn("Form", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("History", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (ImGui::BeginChild("##risk_form", ImVec2(0, 0))) draw_form(ctx);
    ImGui::EndChild();
    ImGui::TableNextColumn();
    if (ImGui::BeginChild("##risk_history", ImVec2(0, 0))) draw_history(ctx);
    ImGui::EndChild();
    ImGui::EndTable();
  }
}

void RiskConfigView::draw_form(DeskContext& ctx) {
  const EngineState& s = ctx.state();
  const float em = ImGui::GetFontSize();
  ImGui::Text("Current: version %lld", static_cast<long long>(s.config.version));
  ImGui::SameLine(0, em);
  if (recorded_button(ctx.frame, ids::kRiskSave, "Save as a new version", dirty_)) save(ctx);
  ImGui::SameLine();
  if (recorded_button(ctx.frame, ids::kRiskReset, "Reset", dirty_)) {
    load(s.config, s.config.version);
    dirty_ = false;
    note_.clear();
  }
  inline_error(ctx.frame, errors_, ids::kRiskSave, ErrorPlace::kBelow);
  if (dirty_ && base_version_ != s.config.version)
    inline_note(ctx.frame, ids::kRiskNote,
                "Version " + std::to_string(s.config.version) +
                    " was saved since you started editing: Save will be refused; Reset loads it.",
                true);
  else if (!note_.empty())
    inline_note(ctx.frame, ids::kRiskNote, note_, false);

  const auto fields = config_fields();
  std::string_view section;
  bool table_open = false;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const ConfigField& f = fields[i];
    if (section != f.section) {
      if (table_open) ImGui::EndTable();
      section = f.section;
      ImGui::Spacing();
      section_header(section_title(section));
      table_open = ImGui::BeginTable(f.section, 3, ImGuiTableFlags_SizingFixedFit);
      if (table_open) {
        ImGui::TableSetupColumn("Field", ImGuiTableColumnFlags_WidthFixed, em * 11);
        ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthFixed, em * 10);
        ImGui::TableSetupColumn("Help", ImGuiTableColumnFlags_WidthStretch);
      }
    }
    if (!table_open) continue;
    const std::string& widget = field_widget_ids()[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(f.label);
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(i));
    if (holds<bool>(f)) {
      const bool on = std::string_view(texts_[i].data()) == "on";
      if (recorded_checkbox(ctx.frame, widget, on ? "on" : "off", on)) {
        std::snprintf(texts_[i].data(), texts_[i].size(), "%s", on ? "off" : "on");
        dirty_ = true;
      }
    } else if (recorded_input_text(ctx.frame, widget, texts_[i].data(), texts_[i].size(), em * 9)) {
      dirty_ = true;
    }
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::TextColored(kColorMuted, "%s  %s", f.unit, f.help);
    if (errors_.find(widget)) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TableNextColumn();
      inline_error(ctx.frame, errors_, widget.c_str(), ErrorPlace::kBelow, f.path);
    }
  }
  if (table_open) ImGui::EndTable();
}

void RiskConfigView::save(DeskContext& ctx) {
  const EngineState& s = ctx.state();
  errors_.clear();
  note_.clear();
  RiskConfig next = s.config;
  const auto fields = config_fields();
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (std::optional<std::string> bad = set_field_text(next, fields[i], texts_[i].data()))
      errors_.add(field_widget_ids()[i], *bad);
  if (!errors_.empty()) return;  // every field the form itself can tell is wrong, at once
  const std::vector<FieldChange> changes = config_diff(s.config, next);
  if (changes.empty()) {
    note_ = "Nothing to save: the form matches version " + std::to_string(s.config.version);
    dirty_ = false;
    return;
  }
  std::vector<FieldChange> looser;
  for (const FieldChange& c : changes)
    if (c.loosens) looser.push_back(c);
  if (looser.empty()) return send(ctx.requests, ctx.toasts, next);
  ModalSpec spec;
  spec.title = "Loosen the risk limits?";
  spec.body = "These changes let more orders through automatically:\n" + changes_text(looser);
  if (looser.size() < changes.size()) spec.body += "\n\nAll changes:\n" + changes_text(changes);
  spec.ok_label = "Save version " + std::to_string(s.config.version + 1);
  spec.on_ok = [this, requests = &ctx.requests, toasts = &ctx.toasts, next](const std::string&) {
    send(*requests, *toasts, next);
  };
  ctx.modal.open(std::move(spec));
}

void RiskConfigView::send(Requests& requests, Toasts& toasts_ref, const RiskConfig& next) {
  nlohmann::json body = to_json(next);
  body["version"] = base_version_;  // a version saved meanwhile makes this a 409
  requests.send("PUT", "/api/admin/trading/risk-config", body, [this, toasts = &toasts_ref](const ApiReply& r) {
    if (!r.ok()) return errors_.set(r, field_widgets(), ids::kRiskSave);
    dirty_ = false;
    toasts->info("Risk config saved as version " + std::to_string(json_int(r.body, "version")));
  });
}

void RiskConfigView::draw_history(DeskContext& ctx) {
  const EngineState& s = ctx.state();
  const std::vector<ConfigVersion>& versions = s.config_history;
  // Versions only grow: the diffs are made once each.
  if (history_.size() > versions.size()) history_.clear();
  for (std::size_t i = history_.size(); i < versions.size(); ++i)
    history_.push_back(changes_text(config_diff(i ? versions[i - 1].config : RiskConfig{}, versions[i].config)));
  section_header("Version history");
  ImGui::TextColored(kColorMuted, "Version 1 is the defaults; each save makes the next.");
  if (!ImGui::BeginTable("##risk_versions", 4, kListTableFlags | ImGuiTableFlags_Resizable)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Version");
  ImGui::TableSetupColumn("By");
  ImGui::TableSetupColumn("At");
  ImGui::TableSetupColumn("Changes", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  // The history holds the versions after the built-in defaults (version 1).
  const ConfigVersion defaults{RiskConfig{}, "(built in)", Timestamp{}};
  const bool with_defaults = versions.empty() ? s.config.version == 1 : versions.front().config.version == 2;
  for (std::size_t row = versions.size() + (with_defaults ? 1 : 0); row-- > 0;) {
    const bool is_default = row == versions.size();
    const ConfigVersion& v = is_default ? defaults : versions[row];
    const std::string& changes = is_default ? kDefaultsText : history_[row];
    const std::int64_t version = v.config.version;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("v%lld", static_cast<long long>(version));
    ImGui::SameLine();
    ImGui::PushID(static_cast<int>(version));
    if (recorded_button(ctx.frame, ids::risk_version_load_id(version), "Load")) {
      load(v.config, s.config.version);
      dirty_ = true;
      note_ = "Version " + std::to_string(version) + " loaded into the form: Save makes it the next version";
    }
    ImGui::PopID();
    table_cell(v.changed_by);
    table_cell(is_default ? std::string() : format_clock(v.changed_at));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(changes.c_str());
    ctx.frame.message(ids::risk_version_id(version),
                      "v" + std::to_string(version) + " by " + v.changed_by +
                          (is_default ? "" : " at " + format_clock(v.changed_at)) + ": " + changes,
                      false);
  }
  ImGui::EndTable();
}

}  // namespace stonks::ui
