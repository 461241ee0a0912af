#include "model/time.h"

#include <cstdio>

namespace stonks {
namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Howard Hinnant's civil calendar algorithms (public domain).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

unsigned days_in_month(int y, int m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Writes `value` (>= 0) as exactly `width` decimal digits, zero-padded.
void put_digits(char* at, int width, std::int64_t value) {
  for (int i = width - 1; i >= 0; --i) {
    at[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// ".ffffff" when there are microseconds, then the 'Z'.
void append_fraction_and_zone(std::string& out, std::int64_t micros) {
  if (micros != 0) {
    char frac[7] = {'.'};
    put_digits(frac + 1, 6, micros);
    out.append(frac, 7);
  }
  out += 'Z';
}

}  // namespace

std::int64_t utc_day(Timestamp t) { return floor_div(micros_since_epoch(t), kSecondsPerDay * kMicrosPerSecond); }

std::string format_iso8601(Timestamp t) {
  std::int64_t us = micros_since_epoch(t);
  std::int64_t day = utc_day(t);
  std::int64_t in_day = us - day * kSecondsPerDay * kMicrosPerSecond;
  std::int64_t secs = in_day / kMicrosPerSecond;
  std::int64_t frac = in_day % kMicrosPerSecond;
  std::int64_t y;
  unsigned m, d;
  civil_from_days(day, y, m, d);
  if (y < 0 || y > 9999) {  // outside what the journal stores; printf handles the sign and width
    char buf[48];
    int n = std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld", static_cast<long long>(y), m, d,
                          static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                          static_cast<long long>(secs % 60));
    std::string out(buf, static_cast<std::size_t>(n));
    append_fraction_and_zone(out, frac);
    return out;
  }
  // Every event and API answer carries times: digits by hand, not printf.
  char buf[] = "YYYY-MM-DDTHH:MM:SS";
  put_digits(buf, 4, y);
  put_digits(buf + 5, 2, m);
  put_digits(buf + 8, 2, d);
  put_digits(buf + 11, 2, secs / 3600);
  put_digits(buf + 14, 2, secs / 60 % 60);
  put_digits(buf + 17, 2, secs % 60);
  std::string out(buf, 19);
  append_fraction_and_zone(out, frac);
  return out;
}

Result<Timestamp> parse_iso8601(std::string_view s) {
  auto bad = [&] {
    return Status::invalid_argument("not an ISO-8601 UTC time (YYYY-MM-DDTHH:MM:SS[.ffffff]Z): '" +
                                    std::string(s.substr(0, 40)) + "'");
  };
  int y, mo, d, h, mi, se;
  if (s.size() < 20 || !read_int(s, 0, 4, y) || s[4] != '-' || !read_int(s, 5, 2, mo) || s[7] != '-' ||
      !read_int(s, 8, 2, d) || s[10] != 'T' || !read_int(s, 11, 2, h) || s[13] != ':' || !read_int(s, 14, 2, mi) ||
      s[16] != ':' || !read_int(s, 17, 2, se))
    return bad();
  if (mo < 1 || mo > 12 || d < 1 || static_cast<unsigned>(d) > days_in_month(y, mo) || h > 23 || mi > 59 || se > 59)
    return bad();
  std::size_t pos = 19;
  std::int64_t frac = 0;
  if (s[pos] == '.') {
    ++pos;
    std::size_t digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (++digits > 6) return bad();
      frac = frac * 10 + (s[pos++] - '0');
    }
    if (digits == 0) return bad();
    for (std::size_t i = digits; i < 6; ++i) frac *= 10;
  }
  if (pos + 1 != s.size() || s[pos] != 'Z') return bad();
  std::int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  std::int64_t us = ((days * kSecondsPerDay) + h * 3600 + mi * 60 + se) * kMicrosPerSecond + frac;
  return timestamp_from_micros(us);
}

}  // namespace stonks
