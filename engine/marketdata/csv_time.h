// Times as CSV files of bars write them: ISO-8601 and its common relatives.
#pragma once

#include <string_view>

#include "model/status.h"
#include "model/time.h"

namespace stonks {

struct CsvTime {
  Timestamp at{};
  bool date_only = false;  // "YYYY-MM-DD": `at` is that day's midnight UTC
};

// Reads "YYYY-MM-DD", or that date then 'T' or ' ' and HH:MM[:SS[.ffffff]]
// with an optional 'Z' or +HH:MM / -HH:MM offset (none: UTC). Refuses
// anything else, including impossible dates and times.
//
// Remembers the last date it accepted: a file of intraday bars repeats each
// date on hundreds of rows, and handing each one to parse_iso8601 (the
// calendar's rules) cost two strings a row. Not thread-safe.
class CsvTimeReader {
 public:
  Result<CsvTime> read(std::string_view text);

 private:
  // Midnight UTC of a "YYYY-MM-DD" (digits and dashes already checked), or
  // false when there is no such day.
  bool midnight(std::string_view date, Timestamp& out);

  char day_[10] = {};  // the last date accepted; zeros match no date text
  Timestamp day_start_{};
};

}  // namespace stonks
