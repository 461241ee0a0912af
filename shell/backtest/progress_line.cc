#include "progress_line.h"

#include <unistd.h>

#include <cstdio>

namespace stonks {
namespace {

std::string amount(double n) {
  char buf[32];
  if (n >= 1e9)
    std::snprintf(buf, sizeof buf, "%.1fG", n / 1e9);
  else if (n >= 1e6)
    std::snprintf(buf, sizeof buf, "%.1fM", n / 1e6);
  else if (n >= 1e4)
    std::snprintf(buf, sizeof buf, "%.1fk", n / 1e3);
  else
    std::snprintf(buf, sizeof buf, "%.0f", n);
  return buf;
}

}  // namespace

ProgressLine::ProgressLine() : start_(Clock::now()), terminal_(isatty(STDERR_FILENO) == 1) {}

void ProgressLine::show(std::uint64_t done, std::uint64_t total, const std::string& unit) {
  const Clock::time_point now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < 1.0) return;
  const auto every = terminal_ ? std::chrono::milliseconds(250) : std::chrono::milliseconds(5000);
  if (drawn_ && now - last_ < every && done < total) return;
  last_ = now;
  const double rate = static_cast<double>(done) / elapsed;
  const double left = rate > 0 && total > done ? static_cast<double>(total - done) / rate : 0;
  std::fprintf(stderr, "%s%s / %s %s, %s/s, %.0f s left%s", terminal_ ? "\r" : "",
               amount(static_cast<double>(done)).c_str(), amount(static_cast<double>(total)).c_str(), unit.c_str(),
               amount(rate).c_str(), left, terminal_ ? "\033[K" : "\n");
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::clear() {
  if (drawn_ && terminal_) std::fputs("\n", stderr);
  drawn_ = false;
}

}  // namespace stonks
