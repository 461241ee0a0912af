// ProgressLine: "done / total, rate, time left" on stderr for work that has
// run longer than a second, redrawn in place on a terminal and once every
// few seconds elsewhere (a log keeps a line per update, not one per step).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace stonks {

class ProgressLine {
 public:
  ProgressLine();
  // `done` of `total` units (`unit` names them: "runs", "bytes of data").
  void show(std::uint64_t done, std::uint64_t total, const std::string& unit);
  // Ends the line, if one was drawn, before other output.
  void clear();

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point start_;
  Clock::time_point last_{};
  bool drawn_ = false;
  bool terminal_ = false;
};

}  // namespace stonks
