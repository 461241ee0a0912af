#include "marketdata/csv_time.h"

#include <string>

namespace stonks {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return false;
  for (std::size_t i = pos; i < pos + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int two(std::string_view s, std::size_t pos) { return (s[pos] - '0') * 10 + (s[pos + 1] - '0'); }

}  // namespace

Result<CsvTime> parse_csv_time(std::string_view s) {
  auto bad = [&] { return Status::invalid_argument("not a date or time: '" + std::string(s.substr(0, 40)) + "'"); };
  if (s.size() < 10 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2))
    return bad();
  // Rebuild the strict form parse_iso8601 checks, so the calendar rules live
  // in one place; the offset is applied afterwards.
  std::string iso(s.substr(0, 10));
  if (s.size() == 10) {
    Result<Timestamp> t = parse_iso8601(iso + "T00:00:00Z");
    if (!t.is_ok()) return bad();
    return CsvTime{*t, true};
  }
  if ((s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2))
    return bad();
  iso += 'T';
  iso += s.substr(11, 5);
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2)) return bad();
    iso += s.substr(pos, 3);
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      std::size_t end = pos + 1;
      while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
      iso += s.substr(pos, end - pos);
      pos = end;
    }
  } else {
    iso += ":00";
  }
  std::int64_t offset_minutes = 0;
  if (pos < s.size() && s[pos] == 'Z') {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    if (pos + 6 != s.size() || !digits(s, pos + 1, 2) || s[pos + 3] != ':' || !digits(s, pos + 4, 2)) return bad();
    int h = two(s, pos + 1), m = two(s, pos + 4);
    if (h > 23 || m > 59) return bad();
    offset_minutes = (s[pos] == '+' ? 1 : -1) * (h * 60 + m);
    pos += 6;
  }
  if (pos != s.size()) return bad();
  Result<Timestamp> t = parse_iso8601(iso + "Z");
  if (!t.is_ok()) return bad();
  // Local time = UTC + offset, so UTC = local - offset.
  return CsvTime{*t - std::chrono::minutes(offset_minutes), false};
}

}  // namespace stonks
