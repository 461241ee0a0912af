// App: the page's one object -- the window, the desk's host (the sandbox's
// DeskHost, or RemoteHost when stonks-server served the page), and when
// frames are drawn. Frames are drawn on demand (input, the market's cadence,
// answers to requests, a replay at "max" speed, which gets a budget of every
// frame: DeskHost::replay_frame), never as a 60 fps loop of identical frames.
#pragma once

#include <cstdint>
#include <string>

#include "desk_host.h"
#include "gl_window.h"
#include "remote_host.h"

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

  // From here on the page mirrors a server (it was served by stonks-server
  // and has a token); `server` names it to the operator.
  void start_remote(std::string server);

  // Writes the desk's layout to the browser's storage (also on page hide).
  void save_layout();

  GlWindow& window() { return window_; }
  DeskHost& host() { return host_; }
  RemoteHost& remote() { return remote_; }
  bool is_remote() const { return remote_mode_; }
  // The active host's panel and state; null before it runs.
  const ui::Desk* desk() const;
  const EngineState* state() const;
  std::size_t pending_count() const;
  std::uint64_t frame_count() const { return frame_count_; }

 private:
  static constexpr int kFramesAfterInput = 6;
  static constexpr double kMarketCadenceMs = 200;
  // A server's desk draws at least this often, for its countdowns (approval expiries).
  static constexpr int kRemoteTicksPerFrame = 5;

  static int on_animation_frame(double time_ms, void* self);
  static int on_market_tick(double time_ms, void* self);
  bool running() const;
  void draw_frame();
  void update_title();

  GlWindow window_;
  DeskHost host_;
  RemoteHost remote_{[this] { request_frames(1); }};
  bool remote_mode_ = false;
  int remote_ticks_ = 0;
  int frames_wanted_ = 0;
  bool frame_scheduled_ = false;
  std::uint64_t frame_count_ = 0;
  std::uint64_t desk_frames_ = 0;
  std::string title_;
};

// The page's App (exports.cc reaches it from JavaScript).
App& app();

}  // namespace stonks::web
