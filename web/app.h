// App: the page's one object -- the window, the desk host, and when frames
// are drawn. Frames are drawn on demand (input, the market's cadence, answers
// to requests), never as a 60 fps loop of identical frames.
#pragma once

#include <cstdint>
#include <string>

#include "desk_host.h"
#include "gl_window.h"

namespace stonks::web {

class App {
 public:
  // Opens the window and starts the market clock; the page then opens the
  // store. false when there is no WebGL2.
  bool start();

  // Draw at least `frames` more frames, starting at the next animation frame.
  void request_frames(int frames);
  // Input arrived: enough frames for ImGui to see hover, press, release and
  // the answer to what the click sent.
  void wake() { request_frames(kFramesAfterInput); }

  GlWindow& window() { return window_; }
  DeskHost& host() { return host_; }
  std::uint64_t frame_count() const { return frame_count_; }

 private:
  static constexpr int kFramesAfterInput = 6;
  static constexpr double kMarketCadenceMs = 200;

  static int on_animation_frame(double time_ms, void* self);
  static int on_market_tick(double time_ms, void* self);
  void draw_frame();
  void update_title();

  GlWindow window_;
  DeskHost host_;
  int frames_wanted_ = 0;
  bool frame_scheduled_ = false;
  std::uint64_t frame_count_ = 0;
  std::uint64_t desk_frames_ = 0;
  std::string title_;
};

// The page's App (exports.cc reaches it from JavaScript).
App& app();

}  // namespace stonks::web
