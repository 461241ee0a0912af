// CsvBarParser: streaming import of OHLCV bars from CSV text, all or nothing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "marketdata/csv_time.h"
#include "model/market_data.h"
#include "model/status.h"
#include "model/symbol.h"
#include "model/symbol_map.h"
#include "model/time.h"

namespace stonks {

struct CsvBarOptions {
  // The ticker of a file without a Symbol column (ignored when it has one).
  Symbol symbol;
  // 0: the time column is the bar's end. Otherwise it is the bar's start and
  // the bar ends this much later. Date-only rows always cover the whole UTC
  // day: they end at the next midnight UTC.
  Duration bar_length{0};
};

// Why a file was refused: the 1-based physical line (the header is line 1)
// and a reason that names the column when there is one.
struct CsvError {
  std::size_t line = 0;
  std::string reason;
  std::string column;
  bool operator==(const CsvError&) const = default;
};

// Reads a header row, then one bar per line. Columns, found by name
// case-insensitively in any order: Date and Time, or one of Date / Datetime /
// Timestamp holding both; Open, High, Low, Close, Volume; an optional Symbol
// (or Ticker). Other columns (Adj Close, ...) are ignored. Times: ISO-8601
// with Z or a +HH:MM offset, "YYYY-MM-DD HH:MM[:SS[.ffffff]]" (UTC), or a
// date alone. Prices are plain decimals (at most 6 significant decimals),
// read into fixed point; volume a whole number. Fields may be wrapped in
// double quotes, with commas inside (no quotes or newlines). Blank lines are
// skipped.
//
// A row is refused when a price is not a number, negative or zero, high is
// below low, open or close is outside high-low, or its time is not after the
// previous bar's of the same symbol (equal: "duplicate timestamp").
//
// Streaming: feed() takes text in chunks of any size (a line may span
// chunks) and appends the bars of each complete line to `out`; memory held
// is one partial line (at most kMaxLineLength) and the last time per symbol.
// After the first error every call returns it again: a caller that must not
// half-import discards what it was given (import_csv_bars does). Not
// thread-safe.
class CsvBarParser {
 public:
  static constexpr std::size_t kMaxLineLength = 4096;

  explicit CsvBarParser(CsvBarOptions options = {});

  // Ok, or invalid_argument "line N: reason" (field: the column) with error()
  // saying the same as data.
  Status feed(std::string_view chunk, std::vector<Bar>& out);
  // The end of the text: parses a last line without a newline; refuses a text
  // without a header row.
  Status finish(std::vector<Bar>& out);
  const CsvError& error() const { return error_; }
  // After the header: whether rows name their symbol (a file of several
  // symbols, whose rows need not be in time order across them).
  bool has_symbol_column() const { return cols_.symbol >= 0; }
  bool failed() const { return error_.line != 0; }

 private:
  struct Columns {
    int date = -1, time = -1, open = -1, high = -1, low = -1, close = -1, volume = -1, symbol = -1;
  };
  // A row's fields that a bar is made from; "" for a column the row lacks.
  struct Fields {
    std::string_view date, time, open, high, low, close, volume, symbol;
  };

  Status line(std::string_view text, std::vector<Bar>& out);
  Status header(std::string_view text);
  Status row(std::string_view text, std::vector<Bar>& out);
  Status fail(std::string reason, std::string column = {});

  CsvBarOptions options_;
  Columns cols_;
  // Per column up to the last one a bar needs, the field it fills (null:
  // ignored), so a row is split only as far as that column.
  std::vector<std::string_view Fields::*> targets_;
  // The current row's. Every row sets each target, so none is cleared in
  // between: zeroing all eight per row was a visible part of its time.
  Fields fields_;
  bool have_header_ = false;
  std::size_t line_no_ = 0;
  std::string partial_;  // the start of a line a later chunk ends
  std::string when_;     // a Date column and a Time column joined
  CsvTimeReader times_;
  SymbolMap<Timestamp> last_at_;
  CsvError error_;
};

// The whole text at once: every bar, or the first error and no bars.
Result<std::vector<Bar>> import_csv_bars(std::string_view text, const CsvBarOptions& options);

}  // namespace stonks
