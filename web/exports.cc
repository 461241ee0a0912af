// The C functions the page calls (web/js/host.js): lifecycle, input the GLFW
// emulation misses, and the test hooks on window.stonks. Strings returned
// point to a buffer valid until the next call.
#include <emscripten/emscripten.h>

#include <string>

#include <nlohmann/json.hpp>

#include "app.h"
#include "imgui.h"
#include "journal/state_codec.h"

using stonks::web::app;
using stonks::web::DeskHost;

namespace {

std::string g_out;  // the last string handed to JavaScript

const char* out(std::string text) {
  g_out = std::move(text);
  return g_out.c_str();
}

stonks::ui::HostStatus::Persistence persistence_from(int code) {
  using P = stonks::ui::HostStatus::Persistence;
  switch (code) {
    case 1:
      return P::kSaving;
    case 2:
      return P::kSaved;
    case 3:
      return P::kFailed;
    default:
      return P::kOff;
  }
}

}  // namespace

extern "C" {

// --- lifecycle ---------------------------------------------------------------

// The page holds the writer lock and has loaded /stonks from IndexedDB.
EMSCRIPTEN_KEEPALIVE void stonks_open() {
  app().host().open(emscripten_get_now());
  app().wake();
}

// Another tab takes over: snapshot and stop writing. 1 when the snapshot was written.
EMSCRIPTEN_KEEPALIVE int stonks_release() {
  const bool ok = app().host().release().is_ok();
  app().wake();
  return ok ? 1 : 0;
}

// The page is being hidden: snapshot (the page syncs after). 1 on success.
EMSCRIPTEN_KEEPALIVE void stonks_save_layout() { app().save_layout(); }

EMSCRIPTEN_KEEPALIVE int stonks_snapshot() { return app().host().snapshot().is_ok() ? 1 : 0; }

// 1 saving, 2 saved, 3 failed (with detail).
EMSCRIPTEN_KEEPALIVE void stonks_sync_status(int code, const char* detail) {
  app().host().set_persistence(persistence_from(code), detail);
  app().request_frames(1);
}

EMSCRIPTEN_KEEPALIVE void stonks_storage_persistent(int persistent) {
  app().host().set_storage_persistent(persistent != 0);
  app().request_frames(1);
}

// --- a server's desk -------------------------------------------------------

// The page was served by stonks-server and has a token: mirror `server`.
EMSCRIPTEN_KEEPALIVE void stonks_remote_start(const char* server) { app().start_remote(server); }

// The answer to stonks_js_http(id, ...): status 0 when no HTTP answer came.
EMSCRIPTEN_KEEPALIVE void stonks_http_done(double id, int status, const char* body) {
  app().remote().complete(static_cast<std::uint32_t>(id), status, body);
  app().wake();
}

// --- input -------------------------------------------------------------------

EMSCRIPTEN_KEEPALIVE void stonks_wake() { app().wake(); }

EMSCRIPTEN_KEEPALIVE void stonks_resize(int css_width, int css_height, double ratio) {
  app().window().resize(css_width, css_height, ratio);
  app().wake();
}

EMSCRIPTEN_KEEPALIVE void stonks_touch(float x, float y, int down) {
  app().window().touch(x, y, down != 0);
  app().wake();
}

// The file chosen in the Replay pane's picker (web/js/library.js).
EMSCRIPTEN_KEEPALIVE void stonks_csv_picked(const char* name, const char* text) {
  app().host().csv_picked(name, text);
  app().wake();
}

// The sandbox export chosen for the sim strip's "Import sandbox...".
EMSCRIPTEN_KEEPALIVE void stonks_import_picked(const char* name, const char* text) {
  app().host().import_picked(name, text);
  app().wake();
}

EMSCRIPTEN_KEEPALIVE void stonks_paste(const char* text) {
  ImGui::GetIO().AddInputCharactersUTF8(text);
  app().wake();
}

// --- test hooks --------------------------------------------------------------

EMSCRIPTEN_KEEPALIVE double stonks_frame_count() { return static_cast<double>(app().frame_count()); }

EMSCRIPTEN_KEEPALIVE int stonks_pending_count() { return static_cast<int>(app().pending_count()); }

// {"phase","detail","persistence","persistence_detail","storage_persistent","now"}, and for a
// server's desk {"remote": true, "phase", "detail", "link", "link_detail", "last_seq"}.
EMSCRIPTEN_KEEPALIVE const char* stonks_host_json() {
  if (app().is_remote()) {
    const stonks::web::RemoteHost& remote = app().remote();
    return out(nlohmann::json{{"remote", true},
                              {"phase", stonks::to_string(remote.phase())},
                              {"detail", remote.detail()},
                              {"link", stonks::to_string(remote.host_status().link)},
                              {"link_detail", remote.host_status().link_detail},
                              {"last_seq", remote.replica().last_seq()}}
                   .dump());
  }
  const DeskHost& host = app().host();
  nlohmann::json j = {{"phase", stonks::to_string(host.phase())},
                      {"detail", host.detail()},
                      {"persistence", stonks::to_string(host.host_status().persistence)},
                      {"persistence_detail", host.host_status().persistence_detail},
                      {"storage_persistent", host.host_status().storage_persistent},
                      {"now", nullptr}};
  if (host.sandbox()) j["now"] = stonks::format_iso8601(host.sandbox()->now());
  return out(j.dump());
}

// The engine state (a server's desk: the replica) in its snapshot shape
// (journal/state_codec.h); "null" when not running.
EMSCRIPTEN_KEEPALIVE const char* stonks_state_json() {
  const stonks::EngineState* state = app().state();
  return out(state ? stonks::encode_engine_state(*state) : "null");
}

// [{"id","x","y","w","h"}] of the last frame, in CSS pixels.
EMSCRIPTEN_KEEPALIVE const char* stonks_widgets_json() {
  nlohmann::json list = nlohmann::json::array();
  if (const stonks::ui::Desk* desk = app().desk()) {
    for (const auto& w : desk->widgets())
      list.push_back({{"id", w.id}, {"x", w.x}, {"y", w.y}, {"w", w.w}, {"h", w.h}});
  }
  return out(list.dump());
}

// [{"where","text","error"}] shown in the last frame.
EMSCRIPTEN_KEEPALIVE const char* stonks_messages_json() {
  nlohmann::json list = nlohmann::json::array();
  if (const stonks::ui::Desk* desk = app().desk()) {
    for (const auto& m : desk->messages()) list.push_back({{"where", m.where}, {"text", m.text}, {"error", m.error}});
  }
  return out(list.dump());
}

// One request through Sandbox::handle: {"status", "body"} (body as JSON text).
// A server's desk has no sandbox (503): tests talk HTTP to the server.
// `target` may carry a query: "/api/orders?status=filled".
EMSCRIPTEN_KEEPALIVE const char* stonks_api(const char* method, const char* target, const char* body) {
  stonks::ApiRequest request;
  request.method = method;
  std::string path = target;
  if (const auto q = path.find('?'); q != std::string::npos) {
    request.query = path.substr(q + 1);
    path.resize(q);
  }
  request.path = std::move(path);
  request.body = body;
  stonks::ApiResponse response = app().host().api(std::move(request));
  app().wake();
  return out(nlohmann::json{{"status", response.status}, {"body", response.body}}.dump());
}

}  // extern "C"
