// FieldErrors: from error.field to the widget beside which it shows.
#include "imgui_ui/widgets/field_errors.h"

namespace stonks::ui {

void FieldErrors::set(const ApiReply& reply, std::span<const FieldWidget> fields, const char* fallback) {
  clear();
  const char* widget = fallback;
  for (const FieldWidget& f : fields)
    if (reply.error_field == f.field) widget = f.widget;
  by_widget_[widget] = reply.error_text();
}

const std::string* FieldErrors::find(std::string_view widget) const {
  auto it = by_widget_.find(widget);
  return it == by_widget_.end() ? nullptr : &it->second;
}

}  // namespace stonks::ui
