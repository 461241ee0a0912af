// DeskDriver: a headless ImGui context and a real engine behind the desk.
#include "ui/desk_driver.h"

#include <gtest/gtest.h>

namespace stonks::testing {

DeskDriver::DeskDriver()
    : log(&inner),
      engine(broker, &log),
      router(engine, log),
      now(test_epoch()),
      client([this](const ApiRequest& r) { return answer(r); }),
      desk(client),
      imgui_(ImGui::CreateContext()) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60;
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;  // key index == ImGuiKey
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  desk.set_file_saver(
      [this](const std::string& name, const std::string& text) { saved_files.emplace_back(name, text); });
  EXPECT_TRUE(engine.deposit(usd("100000"), "setup", now).is_ok());
  EXPECT_TRUE(engine.on_quote(quote("AAPL", "99.90", "100.10"), now).is_ok());
  EXPECT_TRUE(engine.on_quote(quote("MSFT", "199.80", "200.20"), now).is_ok());
}

DeskDriver::~DeskDriver() { ImGui::DestroyContext(imgui_); }

ApiResponse DeskDriver::answer(const ApiRequest& request) {
  ApiRequest r = request;
  r.now = now;
  sent.push_back(r);
  if (intercept)
    if (std::optional<ApiResponse> answer = intercept(r)) return *answer;
  return router.handle(r);
}

void DeskDriver::frame(int n) {
  for (int i = 0; i < n; ++i) {
    EXPECT_TRUE(log.for_each_after(history.last_seq(),
                                   [this](const EventRecord& r) {
                                     history.observe(r);
                                     return true;
                                   })
                    .is_ok());
    history.sample_equity(engine.state(), now);
    ImGui::NewFrame();
    desk.draw(ui::DeskView{engine.state(), now, sim ? &*sim : nullptr, host, broker_view, &history});
    ImGui::Render();
    client.poll();
  }
}

const ui::WidgetRect* DeskDriver::find(const std::string& id) const {
  for (const ui::WidgetRect& w : desk.widgets())
    if (w.id == id) return &w;
  return nullptr;
}

void DeskDriver::click(const std::string& id) {
  // Two frames: a new table or dialog sizes itself on its first frame and
  // settles on the second.
  frame(2);
  const ui::WidgetRect* w = find(id);
  ASSERT_NE(w, nullptr) << "no widget " << id << " on screen";
  ImGuiIO& io = ImGui::GetIO();
  // The mouse arrives a frame before it presses, as a person's does: rows
  // that let buttons overlap them take a press only once hovered.
  io.MousePos = ImVec2(w->x + w->w / 2, w->y + w->h / 2);
  frame();
  io.MouseDown[0] = true;
  frame();
  io.MouseDown[0] = false;
  frame(2);
}

void DeskDriver::press(ImGuiKey key) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[key] = true;
  frame();
  io.KeysDown[key] = false;
  frame();
}

void DeskDriver::press_key(int key, bool shift, bool ctrl) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyShift = shift;
  io.KeyCtrl = ctrl;
  io.KeysDown[key] = true;
  frame();
  io.KeysDown[key] = false;
  io.KeyShift = false;
  io.KeyCtrl = false;
  frame();
}

void DeskDriver::hold_key(int key, int frames) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[key] = true;
  frame(frames);
  io.KeysDown[key] = false;
  frame();
}

void DeskDriver::type(const std::string& id, const std::string& text) {
  click(id);
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  press(ImGuiKey_A);
  io.KeyCtrl = false;
  io.AddInputCharactersUTF8(text.c_str());
  frame();
  if (text.empty()) press(ImGuiKey_Delete);
}

std::string DeskDriver::messages_at(const std::string& where) const {
  std::string out;
  for (const ui::DeskMessage& m : desk.messages())
    if (m.where == where) out += (out.empty() ? "" : "\n") + m.text;
  return out;
}

bool DeskDriver::any_error() const {
  for (const ui::DeskMessage& m : desk.messages())
    if (m.error) return true;
  return false;
}

}  // namespace stonks::testing
