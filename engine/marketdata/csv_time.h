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
Result<CsvTime> parse_csv_time(std::string_view text);

}  // namespace stonks
