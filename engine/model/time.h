// Timestamps: microseconds since the Unix epoch, UTC. The engine never reads a
// clock; every command carries its `now`.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/status.h"

namespace stonks {

using Duration = std::chrono::microseconds;
using Timestamp = std::chrono::time_point<std::chrono::system_clock, Duration>;

inline Timestamp timestamp_from_micros(std::int64_t us) { return Timestamp(Duration(us)); }
inline std::int64_t micros_since_epoch(Timestamp t) { return t.time_since_epoch().count(); }

// "2026-11-24T09:30:00Z", with ".123456" when there are sub-second digits.
std::string format_iso8601(Timestamp t);

// Accepts "YYYY-MM-DDTHH:MM:SS[.ffffff]Z" (UTC only, up to 6 fraction digits).
Result<Timestamp> parse_iso8601(std::string_view text);

// Whether `t` falls in years 0000-9999, the times parse_iso8601 can read
// back (so the journal can): 0000-01-01T00:00:00Z up to 10000-01-01 exclusive.
inline bool in_iso8601_range(Timestamp t) {
  return micros_since_epoch(t) >= -62'167'219'200'000'000 && micros_since_epoch(t) < 253'402'300'800'000'000;
}

// Days since the epoch of the UTC calendar day holding t (day P&L boundaries).
std::int64_t utc_day(Timestamp t);

}  // namespace stonks
