// The CSV files of a backtest as bars in replay order: a file without a
// Symbol column streams (a chunk of it held at a time); a file with one is
// read whole and sorted, since its rows need not be in time order across
// its symbols.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "backtest/bars/bar_source.h"
#include "model/market_data.h"
#include "model/status.h"
#include "model/symbol.h"
#include "model/time.h"

namespace stonks {

// The ticker a file name gives: the base name up to its first '_' or '.',
// upper-cased ("data/aapl_daily.csv" -> AAPL, "MSFT.csv" -> MSFT); nullopt
// when that is not a ticker.
std::optional<Symbol> ticker_from_file_name(const std::string& path);

struct BarFileOptions {
  std::optional<Symbol> symbol;  // for files without a Symbol column; else the name's ticker
  Duration bar_length{0};
};

// How much of the files a source has read, for a progress line.
struct BytesRead {
  std::uint64_t read = 0;
  std::uint64_t total = 0;  // the files' sizes
};

struct BarFiles {
  std::unique_ptr<BarSource> bars;  // every file's, merged in replay order
  std::set<Symbol> symbols;
  std::shared_ptr<const BytesRead> bytes;
};

// Opens every file. Errors: kIoError for a file that cannot be read,
// kInvalidArgument "FILE:LINE: reason" for a bad row met now (a file read
// whole; a streamed file's rows fail later, from the source, the same way).
Result<BarFiles> open_bar_files(const std::vector<std::string>& paths, const BarFileOptions& options);

// Every bar of every file, sorted for replay and shared: a sweep's runs all
// replay the one copy.
Result<std::shared_ptr<const std::vector<Bar>>> read_bar_files(const std::vector<std::string>& paths,
                                                               const BarFileOptions& options);

// Every row of every file checked, nothing kept: the first problem, as above.
Status check_bar_files(const std::vector<std::string>& paths, const BarFileOptions& options);

}  // namespace stonks
