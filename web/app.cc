// App: on-demand frames, the market cadence and the tab title.
#include "app.h"

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <utility>

#include "imgui.h"
#include "js_bridge.h"

namespace stonks::web {

App& app() {
  static App instance;
  return instance;
}

bool App::start() {
  const bool webgl2 = window_.open();
  if (webgl2) emscripten_set_timeout_loop(&App::on_market_tick, kMarketCadenceMs, this);
  stonks_js_started(webgl2 ? 1 : 0);
  return webgl2;
}

void App::request_frames(int frames) {
  frames_wanted_ = std::max(frames_wanted_, frames);
  if (frame_scheduled_ || frames_wanted_ <= 0) return;
  frame_scheduled_ = true;
  emscripten_request_animation_frame(&App::on_animation_frame, this);
}

int App::on_animation_frame(double, void* self) {
  auto& app = *static_cast<App*>(self);
  app.frame_scheduled_ = false;
  // A replay at "max" speed takes its share of this frame first, and wants the next one too.
  if (!app.remote_mode_ && app.host_.replay_frame(emscripten_get_now()))
    app.frames_wanted_ = std::max(app.frames_wanted_, 2);
  app.draw_frame();
  --app.frames_wanted_;
  // A replayed touch needs one frame per step.
  if (app.window_.touch_pending()) app.frames_wanted_ = std::max(app.frames_wanted_, 1);
  app.request_frames(0);
  return EM_FALSE;  // request_frames schedules the next one when wanted
}

void App::start_remote(std::string server) {
  remote_mode_ = true;
  remote_.start(std::move(server));
  wake();
}

const ui::Desk* App::desk() const { return remote_mode_ ? remote_.desk() : host_.desk(); }

const EngineState* App::state() const {
  if (remote_mode_) return remote_.replica().loaded() ? &remote_.replica().state() : nullptr;
  return host_.sandbox() ? &host_.sandbox()->state() : nullptr;
}

std::size_t App::pending_count() const { return remote_mode_ ? remote_.pending_count() : host_.pending_count(); }

bool App::running() const {
  return remote_mode_ ? remote_.phase() == RemoteHost::Phase::kRunning : host_.phase() == DeskHost::Phase::kRunning;
}

int App::on_market_tick(double, void* self) {
  auto& app = *static_cast<App*>(self);
  if (app.remote_mode_) {
    if (++app.remote_ticks_ % kRemoteTicksPerFrame == 0) app.request_frames(1);
  } else if (app.host_.advance(emscripten_get_now())) {
    app.request_frames(1);
  }
  app.update_title();  // a hidden tab draws no frames, and its title matters most then
  return EM_TRUE;
}

void App::draw_frame() {
  window_.begin_frame();
  const bool running = this->running();
  if (running && remote_mode_) remote_.draw();
  if (running && !remote_mode_) host_.draw();
  window_.end_frame();
  // ImGui says when the layout changed and a second passed (IniSavingRate).
  if (ImGui::GetIO().WantSaveIniSettings) save_layout();
  ++frame_count_;
  if (running && desk_frames_++ == 0) stonks_js_first_desk_frame();
  update_title();
}

void App::save_layout() {
  ui::Desk* desk = remote_mode_ ? remote_.desk() : host_.desk();
  if (desk) stonks_js_save_settings(desk->save_settings().c_str());
}

void App::update_title() {
  const std::size_t pending = pending_count();
  std::string title = remote_mode_ ? "stonks-oracle \xE2\x80\x94 server desk"  // em dash
                                   : "stonks-oracle \xE2\x80\x94 paper desk";
  if (pending > 0) title = "(" + std::to_string(pending) + ") " + title;
  if (title == title_) return;
  title_ = title;
  emscripten_set_window_title(title_.c_str());
}

}  // namespace stonks::web
