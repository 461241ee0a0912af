// DeskDriver: the desk over a real engine (router, event log, recording
// broker), drawn headlessly at 1280x800 and operated like a person would:
// clicks at the recorded widget rectangles, typed characters, key presses.
// ImGui 1.86 has no input queue, so a click is a pressed frame then a
// released one.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "api/api_router.h"
#include "core/engine.h"
#include "core/event_log.h"
#include "imgui_ui/desk.h"
#include "imgui_ui/local_api_client.h"
#include "support/engine_harness.h"
#include "support/recording_broker.h"
#include "support/recording_sink.h"

namespace stonks::testing {

class DeskDriver {
 public:
  // Paper mode, 100000.00 deposited, quotes for AAPL and MSFT, at test_epoch().
  DeskDriver();
  ~DeskDriver();
  DeskDriver(const DeskDriver&) = delete;
  DeskDriver& operator=(const DeskDriver&) = delete;

  // Draws `n` frames; after each the client answers what the frame sent.
  void frame(int n = 1);
  // Lets the layout settle, moves the mouse to the middle of `id` for a
  // frame, presses for a frame, releases for a frame, then draws one more
  // frame so the answer shows. Fails the test when the widget is not on
  // screen.
  void click(const std::string& id);
  // Clicks the field, selects what it holds and types `text` over it.
  void type(const std::string& id, const std::string& text);
  void press(ImGuiKey key);
  // A key by its code (GLFW's, as the browser's io.KeysDown holds it: 'A',
  // 265 for Up, ...), with the modifiers held while it is down.
  void press_key(int key, bool shift = false, bool ctrl = false);
  // Holds `key` down for `frames` frames (ImGui repeats a held key after 0.275 s).
  void hold_key(int key, int frames);

  const ui::WidgetRect* find(const std::string& id) const;
  bool shows(const std::string& id) const { return find(id) != nullptr; }
  std::vector<ui::DeskMessage> messages() const { return desk.messages(); }
  // The messages shown at `where` ("toast", "dialog" or a widget id), joined by newlines.
  std::string messages_at(const std::string& where) const;
  bool any_error() const;

  // The engine, as the tests set it up and check it afterwards.
  RecordingBroker broker;
  RecordingSink inner;
  EventLog log;
  Engine engine;
  ApiRouter router;
  Timestamp now;
  std::optional<SimStatus> sim;                       // shown when set
  const ui::BrokerStatusView* broker_view = nullptr;  // a live server's broker, when set
  ui::HostStatus host;
  // Answers a request instead of the router when it returns one (the sim
  // routes, a failing server).
  std::function<std::optional<ApiResponse>(const ApiRequest&)> intercept;
  std::vector<ApiRequest> sent;  // every request the desk sent, in order
  // Candles and equity, fed every committed event before each frame.
  ui::DeskHistory history;
  // What the desk's Export buttons saved: file name and text.
  std::vector<std::pair<std::string, std::string>> saved_files;

  ui::LocalApiClient client;
  ui::Desk desk;

 private:
  ApiResponse answer(const ApiRequest& request);

  ImGuiContext* imgui_;
};

}  // namespace stonks::testing
