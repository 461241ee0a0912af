// Reading the CSV files of a backtest: streamed through CsvBarParser, all
// or nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/market_data.h"
#include "model/status.h"
#include "model/symbol.h"
#include "model/time.h"

namespace stonks {

// The ticker a file name gives: the base name up to its first '_' or '.',
// upper-cased ("data/aapl_daily.csv" -> AAPL, "MSFT.csv" -> MSFT); nullopt
// when that is not a ticker.
std::optional<Symbol> ticker_from_file_name(const std::string& path);

// Every bar of every file, in file order. A file without a Symbol column
// takes `symbol`, else the ticker its name gives. The first problem is
// kInvalidArgument "FILE:LINE: reason" (kIoError for a file that cannot be
// read), and then no bars at all.
Result<std::vector<Bar>> read_bar_files(const std::vector<std::string>& paths, const std::optional<Symbol>& symbol,
                                        Duration bar_length);

}  // namespace stonks
