// CsvBarSource: bars parsed from CSV text as a replay pulls them, a chunk at
// a time, so that a file of any length holds only one chunk's bars.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backtest/bars/bar_source.h"
#include "marketdata/csv_bar_parser.h"

namespace stonks {

class CsvBarSource final : public BarSource {
 public:
  // The next chunk of text, empty at the end, or an error (kIoError). The
  // text it points to must stay valid until the next call.
  using ChunkReader = std::function<Result<std::string_view>()>;

  // `name` prefixes errors ("data/aapl.csv:12: high is below low"); empty:
  // "line 12: ...". A file without a Symbol column gives its bars in
  // replay order (its times only grow); one with it need not.
  // `total`: the count, when the caller knows it (a text it checked before).
  CsvBarSource(CsvBarOptions options, ChunkReader read, std::string name = {},
               std::optional<std::size_t> total = std::nullopt);

  // Reads until the header row is parsed (or the text ends), so that
  // has_symbol_column() can be asked before any bar is taken.
  Status read_header();
  bool has_symbol_column() const { return parser_.has_symbol_column(); }

  // A bad row is kInvalidArgument naming where and, as its field, the column.
  Result<bool> next(Bar& out) override;
  std::optional<std::size_t> total() const override { return total_; }

 private:
  // Parses chunks until a bar is waiting or the text ended.
  Status fill();
  Status refused() const;

  CsvBarParser parser_;
  ChunkReader read_;
  std::string name_;
  std::optional<std::size_t> total_;
  std::vector<Bar> bars_;
  std::size_t next_ = 0;
  bool ended_ = false;
  Status failure_;
};

}  // namespace stonks
