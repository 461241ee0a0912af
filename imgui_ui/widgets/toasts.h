// Toasts: short messages in the bottom-right corner for the outcome of an
// action that has no field to sit beside (a decision, a removal, a failure).
#pragma once

#include <deque>
#include <string>

#include "imgui_ui/api_reply.h"
#include "imgui_ui/frame_record.h"

namespace stonks::ui {

class Toasts {
 public:
  static constexpr double kInfoSeconds = 5;
  static constexpr double kErrorSeconds = 10;  // failures stay longer: they need reading
  static constexpr std::size_t kMaxShown = 5;

  void info(std::string text) { add(std::move(text), false); }
  // A toast that a later one with the same `key` replaces, its time starting
  // over (an alert whose count goes up).
  void keyed(const std::string& key, std::string text, bool error);
  void error(std::string text) { add(std::move(text), true); }
  // The outcome of a request: `done` when it succeeded, else "`failed`: why".
  void outcome(const ApiReply& reply, std::string done, const std::string& failed) {
    if (reply.ok())
      info(std::move(done));
    else
      error(failed + ": " + reply.error_text());
  }

  // Draws the live toasts as an overlay (its own window, no input) and
  // records them; drops those past their time (ImGui's clock: real time).
  void draw(FrameRecord& frame);

 private:
  struct Toast {
    std::string text;
    bool error = false;
    double shown_at = -1;  // ImGui time of the first frame that drew it
    std::string key;       // empty: not replaced by later ones
  };
  void add(std::string text, bool error);

  std::deque<Toast> toasts_;  // oldest first
};

}  // namespace stonks::ui
