#include "imgui_ui/sections/sandbox_file.h"

#include "imgui_ui/model/display_format.h"
#include "imgui_ui/widget_ids.h"
#include "imgui_ui/widgets/controls.h"

namespace stonks::ui {
namespace {

// "stonks-sandbox-2026-11-24-143000.json"
std::string export_name(Timestamp now) {
  std::string t = format_clock(now);
  for (char& c : t)
    if (c == ' ' || c == ':') c = c == ' ' ? '-' : '\0';
  std::erase(t, '\0');
  return "stonks-sandbox-" + t + ".json";
}

}  // namespace

std::string describe_import(const std::string& name, const nlohmann::json& p) {
  std::string positions;
  for (const nlohmann::json& pos : json_member(p, "positions"))
    positions +=
        (positions.empty() ? "" : ", ") + json_string(pos, "ticker") + " " + std::to_string(json_int(pos, "qty"));
  const std::string first = json_string(p, "first_order_at");
  return name + " holds " + std::to_string(json_int(p, "orders")) + " orders (" +
         std::to_string(json_int(p, "open_orders")) + " open, " + std::to_string(json_int(p, "pending_approvals")) +
         " pending approval), " + std::to_string(json_int(p, "fills")) + " fills, cash " + json_string(p, "cash") +
         ", positions: " + (positions.empty() ? "none" : positions) + "; events up to seq " +
         std::to_string(json_int(p, "last_seq")) + (first.empty() ? "" : ", orders from " + first) + " to " +
         json_string(p, "last_event_at") + ".";
}

void SandboxFile::draw(DeskContext& ctx) {
  if (picked_) {
    auto [name, text] = std::move(*picked_);
    picked_.reset();
    preview(ctx, std::move(name), text);
  }
  if (recorded_button(ctx.frame, ids::kExportSandbox, "Export sandbox", static_cast<bool>(ctx.save_file))) {
    const std::string name = export_name(ctx.view.now);
    ctx.requests.send("GET", "/api/sandbox/export", nullptr,
                      [toasts = &ctx.toasts, save = ctx.save_file, name](const ApiReply& r) {
                        if (!r.ok()) return toasts->error("Could not export the sandbox: " + r.error_text());
                        save(name, r.body.dump());
                        toasts->info("Exported the sandbox (events up to seq " +
                                     std::to_string(json_int(r.body, "last_seq")) + ") as " + name);
                      });
  }
  ImGui::SameLine();
  if (recorded_button(ctx.frame, ids::kImportSandbox, "Import sandbox...", static_cast<bool>(pick))) pick();
  if (!outcome_.empty()) {
    ImGui::SameLine();
    inline_note(ctx.frame, ids::kImportSandbox, outcome_, outcome_error_);
  }
}

void SandboxFile::preview(DeskContext& ctx, std::string name, const std::string& text) {
  nlohmann::json body = nlohmann::json::parse(text, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    outcome_ = name + " is not a stonks-oracle sandbox export (not a JSON object): nothing changed";
    outcome_error_ = true;
    return;
  }
  outcome_.clear();
  ctx.requests.send(
      "POST", "/api/sandbox/import/preview", body,
      [this, requests = &ctx.requests, toasts = &ctx.toasts, modal = &ctx.modal, name,
       body](const ApiReply& r) mutable {
        if (!r.ok()) {
          outcome_ = "Refused " + name + ": " + r.error_text() + " (nothing changed)";
          outcome_error_ = true;
          return;
        }
        ModalSpec spec;
        spec.title = "Replace this sandbox with " + name + "?";
        spec.body = describe_import(name, r.body) +
                    "\n\nEverything in this sandbox now (orders, positions, approvals, the audit log) is replaced. "
                    "Export it first to keep it.";
        spec.ok_label = "Replace the sandbox";
        spec.ok_id = ids::kImportConfirm;
        spec.on_ok = [this, requests, toasts, name, body = std::move(body)](const std::string&) {
          requests->send("POST", "/api/sandbox/import", body, [this, toasts, name](const ApiReply& done) {
            outcome_ = done.ok() ? "Imported " + name : "Could not import " + name + ": " + done.error_text();
            outcome_error_ = !done.ok();
            if (done.ok()) toasts->info("The sandbox is now " + name);
          });
        };
        modal->open(std::move(spec));
      });
}

}  // namespace stonks::ui
