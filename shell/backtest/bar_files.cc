#include "bar_files.h"

#include <cctype>
#include <fstream>

#include "marketdata/csv_bar_parser.h"

namespace stonks {
namespace {

Status read_one(const std::string& path, const CsvBarOptions& options, std::vector<Bar>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error(path + ": cannot be opened");
  CsvBarParser parser(options);
  auto refused = [&] {
    return Status::invalid_argument(path + ":" + std::to_string(parser.error().line) + ": " + parser.error().reason,
                                    parser.error().column);
  };
  std::string chunk(1 << 16, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    if (!parser.feed(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())), out).is_ok())
      return refused();
  }
  if (in.bad()) return Status::io_error(path + ": read failed");
  if (!parser.finish(out).is_ok()) return refused();
  return Status::ok();
}

}  // namespace

std::optional<Symbol> ticker_from_file_name(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  name = name.substr(0, name.find_first_of("_."));
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  Result<Symbol> s = Symbol::parse(name);
  if (!s.is_ok()) return std::nullopt;
  return *s;
}

Result<std::vector<Bar>> read_bar_files(const std::vector<std::string>& paths, const std::optional<Symbol>& symbol,
                                        Duration bar_length) {
  std::vector<Bar> bars;
  for (const std::string& path : paths) {
    CsvBarOptions options;
    options.bar_length = bar_length;
    if (std::optional<Symbol> s = symbol ? symbol : ticker_from_file_name(path)) options.symbol = *s;
    if (Status st = read_one(path, options, bars); !st.is_ok()) return st;
  }
  return bars;
}

}  // namespace stonks
