// FieldErrors: from error.field to the widget beside which it shows.
#include "imgui_ui/widgets/field_errors.h"

namespace stonks::ui {

void FieldErrors::set(const ApiReply& reply, std::span<const FieldWidget> fields, const char* fallback) {
  clear();
  auto widget_of = [&](const std::string& field) {
    for (const FieldWidget& f : fields)
      if (field == f.field) return f.widget;
    return fallback;
  };
  const nlohmann::json& all = json_member(json_member(reply.body, "error"), "errors");
  if (!all.is_array() || all.empty()) {
    by_widget_[widget_of(reply.error_field)] = reply.error_text();
    return;
  }
  for (const nlohmann::json& e : all) {
    const std::string field = json_string(e, "field");
    const char* widget = widget_of(field);
    const std::string text = widget == fallback ? field + " " + json_string(e, "message") : json_string(e, "message");
    add(widget, text);
  }
}

void FieldErrors::add(const std::string& widget, std::string text) {
  std::string& shown = by_widget_[widget];
  shown += (shown.empty() ? "" : "; ") + text;
}

const std::string* FieldErrors::find(std::string_view widget) const {
  auto it = by_widget_.find(widget);
  return it == by_widget_.end() ? nullptr : &it->second;
}

}  // namespace stonks::ui
