// How the desk writes times and names for people: relative durations from
// the engine's clock, the clock itself, and the labels of engine enums.
// Money and prices are never formatted here: they print as Price/Money
// to_string() (exact fixed point, never through a float).
#pragma once

#include <string>

#include "model/time.h"
#include "risk/lockout.h"

namespace stonks::ui {

// "1h 05m", "4m 07s", "12s"; negative durations show as "0s".
std::string format_duration(Duration d);

// "2026-11-24 14:30:05" (UTC, to the second).
std::string format_clock(Timestamp t);

// "manual", "news-shock", "cooldown": what the badge says.
const char* lockout_source_label(LockoutSource source);

}  // namespace stonks::ui
