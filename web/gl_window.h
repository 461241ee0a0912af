// GlWindow: the page's canvas as ImGui sees it -- a GLFW window with a WebGL2
// context, laid out in CSS pixels, drawn at devicePixelRatio, fonts rastered
// for that ratio, touch taps replayed frame by frame.
#pragma once

#include <deque>

struct GLFWwindow;

namespace stonks::web {

class GlWindow {
 public:
  // Creates the WebGL2 context on Module.canvas and the ImGui context with
  // its GLFW and OpenGL ES 3 backends. false when the browser has no WebGL2
  // (the page says so). Call once.
  bool open();

  // The canvas now measures css_width x css_height CSS pixels at `ratio`
  // device pixels each (the page has sized its backing store): the desk lays
  // out in CSS pixels, and the fonts are re-rastered when the ratio changed
  // (browser zoom, a move to another screen).
  void resize(int css_width, int css_height, double ratio);

  // A touch or pen contact at (x, y) CSS pixels. GLFW turns taps into clicks
  // at the previous mouse position, and ImGui 1.86 loses a press and release
  // within one frame, so contacts are replayed one step per frame: move there,
  // press, release.
  void touch(float x, float y, bool down);
  // Steps still to replay: the host keeps drawing until they are done.
  bool touch_pending() const { return !touch_steps_.empty(); }

  // Frame bracket: begin_frame() ends with ImGui::NewFrame(), end_frame()
  // renders and presents.
  void begin_frame();
  void end_frame();

 private:
  struct TouchStep {
    float x, y;
    bool down;
  };

  void build_fonts();
  void apply_touch();

  GLFWwindow* window_ = nullptr;
  int css_width_ = 0, css_height_ = 0;
  double ratio_ = 1.0;
  double fonts_ratio_ = 0.0;  // the ratio the font atlas was rastered at
  std::deque<TouchStep> touch_steps_;
  // After a touch, the finger is not hovering: keep the mouse "away" until
  // the real mouse moves from where GLFW last saw it.
  bool touch_hides_mouse_ = false;
  float mouse_at_touch_x_ = 0, mouse_at_touch_y_ = 0;
};

}  // namespace stonks::web
