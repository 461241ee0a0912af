// GlWindow: GLFW + WebGL2 + ImGui backends, sized for devicePixelRatio.
#include "gl_window.h"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include <cfloat>
#include <cmath>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "js_bridge.h"

namespace stonks::web {
namespace {

// ImGui's own font, designed on a 13-pixel grid: rastered at 13 x ratio it
// stays sharp on HiDPI screens (and needs no font file in the bundle).
constexpr float kFontCssPixels = 13.0f;

void copy_to_browser(void*, const char* text) { stonks_js_copy_text(text); }
// Pasted text arrives as characters from the page's paste event (GlWindow
// users call ImGui's AddInputCharactersUTF8), so Ctrl+V itself inserts nothing.
const char* no_clipboard_text(void*) { return ""; }

}  // namespace

bool GlWindow::open() {
  if (!glfwInit()) return false;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);  // WebGL2
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  window_ = glfwCreateWindow(1280, 800, "stonks-oracle", nullptr, nullptr);
  if (window_ == nullptr) return false;
  glfwMakeContextCurrent(window_);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the desk's layout goes to the browser's storage (Desk::save_settings)
  io.IniSavingRate = 1.0f;   // a second after a change, so a reload soon after keeps it
  // No keyboard navigation: the desk has keys of its own (the approval
  // queue's), and ImGui's would make Space or Enter press whatever button was
  // clicked last: a decision by accident. Tab still moves between fields.
  // A blinking cursor would need frames twice a second for nothing.
  io.ConfigInputTextCursorBlink = false;
  ImGui::StyleColorsDark();
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  io.SetClipboardTextFn = copy_to_browser;
  io.GetClipboardTextFn = no_clipboard_text;
  return true;
}

void GlWindow::resize(int css_width, int css_height, double ratio) {
  css_width_ = css_width;
  css_height_ = css_height;
  ratio_ = ratio > 0 ? ratio : 1.0;
}

void GlWindow::touch(float x, float y, bool down) { touch_steps_.push_back({x, y, down}); }

void GlWindow::build_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.SizePixels = std::round(kFontCssPixels * static_cast<float>(ratio_));
  io.Fonts->AddFontDefault(&config);
  // Rastered at device pixels, laid out at CSS pixels.
  io.FontGlobalScale = static_cast<float>(1.0 / ratio_);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  fonts_ratio_ = ratio_;
}

void GlWindow::apply_touch() {
  ImGuiIO& io = ImGui::GetIO();
  if (!touch_steps_.empty()) {
    if (!touch_hides_mouse_) {
      mouse_at_touch_x_ = io.MousePos.x;
      mouse_at_touch_y_ = io.MousePos.y;
    }
    const TouchStep step = touch_steps_.front();
    touch_steps_.pop_front();
    io.MousePos = ImVec2(step.x, step.y);
    io.MouseDown[0] = step.down;
    touch_hides_mouse_ = !step.down && touch_steps_.empty();
    return;
  }
  if (touch_hides_mouse_) {
    if (io.MousePos.x == mouse_at_touch_x_ && io.MousePos.y == mouse_at_touch_y_) {
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    } else {
      touch_hides_mouse_ = false;
    }
  }
}

void GlWindow::begin_frame() {
  if (fonts_ratio_ != ratio_) build_fonts();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  // The backend reports GLFW's sizes and mouse in backing-store pixels; the
  // desk lays out in CSS pixels (what widget rectangles and tests use).
  if (css_width_ > 0 && css_height_ > 0) {
    const float sx = io.DisplaySize.x / static_cast<float>(css_width_);
    const float sy = io.DisplaySize.y / static_cast<float>(css_height_);
    io.DisplaySize = ImVec2(static_cast<float>(css_width_), static_cast<float>(css_height_));
    io.DisplayFramebufferScale = ImVec2(sx, sy);
    if (io.MousePos.x != -FLT_MAX) io.MousePos = ImVec2(io.MousePos.x / sx, io.MousePos.y / sy);
  }
  apply_touch();
  ImGui::NewFrame();
}

void GlWindow::end_frame() {
  ImGui::Render();
  int width = 0, height = 0;
  glfwGetFramebufferSize(window_, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  glfwSwapBuffers(window_);
}

}  // namespace stonks::web
