// Relative durations and clock text for the desk.
#include "imgui_ui/model/display_format.h"

#include <cstdio>

namespace stonks::ui {

std::string format_duration(Duration d) {
  const long long total = d.count() <= 0 ? 0 : d.count() / 1'000'000;
  const long long h = total / 3600, m = total / 60 % 60, s = total % 60;
  char buf[32];
  if (h > 0)
    std::snprintf(buf, sizeof buf, "%lldh %02lldm", h, m);
  else if (m > 0)
    std::snprintf(buf, sizeof buf, "%lldm %02llds", m, s);
  else
    std::snprintf(buf, sizeof buf, "%llds", s);
  return buf;
}

std::string format_clock(Timestamp t) {
  // Whole seconds: the fraction only flickers on screen.
  const Timestamp seconds = std::chrono::floor<std::chrono::seconds>(t);
  std::string iso = format_iso8601(seconds);  // "2026-11-24T14:30:05Z"
  if (iso.size() == 20) {
    iso[10] = ' ';
    iso.pop_back();
  }
  return iso;
}

const char* lockout_source_label(LockoutSource source) {
  switch (source) {
    case LockoutSource::kManual:
      return "manual";
    case LockoutSource::kNewsShock:
      return "news-shock";
    case LockoutSource::kCooldown:
      return "cooldown";
  }
  return "?";
}

}  // namespace stonks::ui
