// The sandbox as one file: Export sandbox (GET /api/sandbox/export, saved as
// a download) and Import sandbox... (the host's file picker, then POST
// /api/sandbox/import/preview: what the file holds, asked before POST
// /api/sandbox/import replaces this sandbox). A file the sandbox refuses
// (damaged, truncated, foreign) says why beside the button; nothing changes.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "imgui_ui/desk_context.h"

namespace stonks::ui {

class SandboxFile {
 public:
  // The strip's two buttons and the outcome of the last import.
  void draw(DeskContext& ctx);
  // The host's picker handed over a file (any time; taken at the next draw).
  void picked(std::string name, std::string text) { picked_ = {std::move(name), std::move(text)}; }

  std::function<void()> pick;  // the host's picker; null: Import is disabled

 private:
  void preview(DeskContext& ctx, std::string name, const std::string& text);

  std::optional<std::pair<std::string, std::string>> picked_;
  std::string outcome_;
  bool outcome_error_ = false;
};

// "sandbox.json holds 12 orders, 30 fills, ..." from a preview answer.
std::string describe_import(const std::string& name, const nlohmann::json& preview);

}  // namespace stonks::ui
