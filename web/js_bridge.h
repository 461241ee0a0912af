// The page's side of the host: JavaScript functions (web/js/library.js) the
// C++ host calls. Each returns at once; the page does the asynchronous part.
#pragma once

#include <cstdlib>
#include <string>

#include "imgui_ui/desk.h"

extern "C" {
// The C++ side is up (webgl2: the canvas has a WebGL2 context): the page
// starts the single-writer lock, mounts IDBFS and loads it, then calls
// stonks_open().
void stonks_js_started(int webgl2);
// Something committed: copy the IDBFS directory to IndexedDB soon (debounced).
void stonks_js_request_sync();
// The host's phase changed (the sandbox's "running", "corrupt", "failed",
// "moved"; a server desk's "connecting", "running", "unauthorized"), with the
// detail the page shows (a corruption's file and offset, why a token failed).
void stonks_js_phase_changed(const char* phase, const char* detail);
// The first frame of the desk was drawn (the page's ready promise, timings).
void stonks_js_first_desk_frame();
// HttpApiClient::send: fetch `target` ("/api/orders?status=open") with the
// operator's token; the page answers with stonks_http_done(id, status, body).
void stonks_js_http(unsigned id, const char* method, const char* target, const char* body);
// ImGui copied text (Ctrl+C in a field): to navigator.clipboard.
void stonks_js_copy_text(const char* text);
// An export: the page offers `text` as a download named `name`.
void stonks_js_save_file(const char* name, const char* text);
// The desk's remembered layout (Desk::save_settings) in the browser's
// localStorage: read as a malloc'd string the caller frees ("" when none),
// written whole.
char* stonks_js_load_settings();
void stonks_js_save_settings(const char* ini);
// Alerts beyond the toast: a short tone for alert kind `kind` (AlertKind's
// number), a system notification (shown only while the tab is hidden, where
// permitted), and the permission for those.
void stonks_js_play_tone(int kind);
void stonks_js_notify(const char* text);
void stonks_js_ask_notify_permission();
// The Replay pane's "Open CSV...": the page shows its file picker and hands
// the chosen file's name and text to stonks_csv_picked().
void stonks_js_pick_csv();
// Sim strip's "Import sandbox...": the same for an export file, handed to
// stonks_import_picked().
void stonks_js_pick_import();
}

namespace stonks::web {
// Loads the layout the page kept into `desk` (at its start).
inline void load_settings(ui::Desk& desk) {
  char* ini = stonks_js_load_settings();
  desk.load_settings(ini);
  std::free(ini);
}
// The desk's file saver (Desk::set_file_saver) in the page: a download.
inline void save_file(const std::string& name, const std::string& text) {
  stonks_js_save_file(name.c_str(), text.c_str());
}
// The desk's alert host (Desk::set_alert_host) in the page.
inline ui::AlertHost alert_host() {
  ui::AlertHost host;
  host.play_tone = [](ui::AlertKind kind) { stonks_js_play_tone(static_cast<int>(kind)); };
  host.notify = [](const std::string& text) { stonks_js_notify(text.c_str()); };
  host.ask_permission = [] { stonks_js_ask_notify_permission(); };
  return host;
}
}  // namespace stonks::web
