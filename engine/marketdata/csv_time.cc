#include "marketdata/csv_time.h"

#include <cstring>
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

bool CsvTimeReader::midnight(std::string_view date, Timestamp& out) {
  if (std::memcmp(date.data(), day_, sizeof day_) != 0) {
    // The calendar's rules (month lengths, leap years) live in parse_iso8601.
    Result<Timestamp> t = parse_iso8601(std::string(date) + "T00:00:00Z");
    if (!t.is_ok()) return false;
    std::memcpy(day_, date.data(), sizeof day_);
    day_start_ = *t;
  }
  out = day_start_;
  return true;
}

Result<CsvTime> CsvTimeReader::read(std::string_view s) {
  auto bad = [&] { return Status::invalid_argument("not a date or time: '" + std::string(s.substr(0, 40)) + "'"); };
  Timestamp day;
  if (s.size() < 10 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2) ||
      !midnight(s.substr(0, 10), day))
    return bad();
  if (s.size() == 10) return CsvTime{day, true};
  if ((s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2))
    return bad();
  const int h = two(s, 11), mi = two(s, 14);
  int sec = 0;
  std::int64_t micros = 0;
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2)) return bad();
    sec = two(s, pos + 1);
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      int n = 0;
      for (++pos; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos) {
        if (++n > 6) return bad();
        micros = micros * 10 + (s[pos] - '0');
      }
      if (n == 0) return bad();
      for (; n < 6; ++n) micros *= 10;
    }
  }
  // The clock's limits as parse_iso8601 sets them (a property test holds the
  // two readers together): no leap second, no 24:00.
  if (h > 23 || mi > 59 || sec > 59) return bad();
  std::int64_t offset_minutes = 0;
  if (pos < s.size() && s[pos] == 'Z') {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    if (pos + 6 != s.size() || !digits(s, pos + 1, 2) || s[pos + 3] != ':' || !digits(s, pos + 4, 2)) return bad();
    int oh = two(s, pos + 1), om = two(s, pos + 4);
    if (oh > 23 || om > 59) return bad();
    offset_minutes = (s[pos] == '+' ? 1 : -1) * (oh * 60 + om);
    pos += 6;
  }
  if (pos != s.size()) return bad();
  // Local time = UTC + offset, so UTC = local - offset.
  return CsvTime{day + std::chrono::hours(h) + std::chrono::minutes(mi - offset_minutes) + std::chrono::seconds(sec) +
                     Duration(micros),
                 false};
}

}  // namespace stonks
