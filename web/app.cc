// App: on-demand frames, the market cadence and the tab title.
#include "app.h"

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <algorithm>

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
  app.draw_frame();
  --app.frames_wanted_;
  // A replayed touch needs one frame per step.
  if (app.window_.touch_pending()) app.frames_wanted_ = std::max(app.frames_wanted_, 1);
  app.request_frames(0);
  return EM_FALSE;  // request_frames schedules the next one when wanted
}

int App::on_market_tick(double, void* self) {
  auto& app = *static_cast<App*>(self);
  if (app.host_.advance(emscripten_get_now())) app.request_frames(1);
  app.update_title();  // a hidden tab draws no frames, and its title matters most then
  return EM_TRUE;
}

void App::draw_frame() {
  window_.begin_frame();
  const bool running = host_.phase() == DeskHost::Phase::kRunning;
  if (running) host_.draw();
  window_.end_frame();
  ++frame_count_;
  if (running && desk_frames_++ == 0) stonks_js_first_desk_frame();
  update_title();
}

void App::update_title() {
  const std::size_t pending = host_.pending_count();
  std::string title = "stonks-oracle \xE2\x80\x94 paper desk";  // em dash
  if (pending > 0) title = "(" + std::to_string(pending) + ") " + title;
  if (title == title_) return;
  title_ = title;
  emscripten_set_window_title(title_.c_str());
}

}  // namespace stonks::web
