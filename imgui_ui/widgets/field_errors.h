// FieldErrors: a form's inline errors, each beside the widget of the field
// the API named (error.field), so the operator sees what to fix where.
#pragma once

#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "imgui_ui/api_reply.h"

namespace stonks::ui {

// One API field and the widget that edits it.
struct FieldWidget {
  const char* field;   // as error.field names it: "duration_minutes"
  const char* widget;  // an id from widget_ids.h
};

class FieldErrors {
 public:
  // Shows `reply`'s error beside the widget of the field it names; beside
  // `fallback` (the form's submit button) when it names no field of `fields`,
  // so no error goes unshown. An error listing every field at fault
  // (error.errors: [{field, message}], e.g. PUT risk-config) shows each.
  void set(const ApiReply& reply, std::span<const FieldWidget> fields, const char* fallback);
  // One more error beside `widget` (a form's own check, before sending).
  void add(const std::string& widget, std::string text);
  void clear() { by_widget_.clear(); }
  bool empty() const { return by_widget_.empty(); }
  // The error shown beside `widget`, or null.
  const std::string* find(std::string_view widget) const;

 private:
  std::map<std::string, std::string, std::less<>> by_widget_;
};

}  // namespace stonks::ui
