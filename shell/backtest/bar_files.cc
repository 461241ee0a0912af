#include "bar_files.h"

#include <cctype>
#include <filesystem>
#include <fstream>

#include "backtest/bars/csv_bar_source.h"
#include "backtest/bars/merged_bar_source.h"

namespace stonks {
namespace {

constexpr std::size_t kChunkBytes = 1 << 16;

// One file read in chunks for a CsvBarSource, counting what it read.
struct FileChunks {
  std::ifstream in;
  std::string path;
  std::string chunk = std::string(kChunkBytes, '\0');
  std::shared_ptr<BytesRead> bytes;

  Result<std::string_view> operator()() {
    if (!in) return std::string_view();
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    if (in.bad()) return Status::io_error(path + ": read failed");
    bytes->read += static_cast<std::uint64_t>(in.gcount());
    return std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
};

CsvBarOptions csv_options(const std::string& path, const BarFileOptions& options) {
  CsvBarOptions out;
  out.bar_length = options.bar_length;
  if (std::optional<Symbol> s = options.symbol ? options.symbol : ticker_from_file_name(path)) out.symbol = *s;
  return out;
}

Result<std::unique_ptr<CsvBarSource>> open_csv(const std::string& path, const BarFileOptions& options,
                                               const std::shared_ptr<BytesRead>& bytes) {
  auto chunks = std::make_shared<FileChunks>();
  chunks->in.open(path, std::ios::binary);
  if (!chunks->in) return Status::io_error(path + ": cannot be opened");
  chunks->path = path;
  chunks->bytes = bytes;
  std::error_code ec;
  bytes->total += std::filesystem::file_size(path, ec);
  auto source = std::make_unique<CsvBarSource>(
      csv_options(path, options), [chunks] { return (*chunks)(); }, path);
  if (Status st = source->read_header(); !st.is_ok()) return st;
  return source;
}

// Every bar of `source`, in the order it gives them.
Result<std::vector<Bar>> drain(BarSource& source) {
  std::vector<Bar> out;
  Bar bar;
  for (;;) {
    Result<bool> got = source.next(bar);
    if (!got.is_ok()) return got.status();
    if (!*got) return out;
    out.push_back(bar);
  }
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

Result<BarFiles> open_bar_files(const std::vector<std::string>& paths, const BarFileOptions& options) {
  BarFiles out;
  auto bytes = std::make_shared<BytesRead>();
  out.bytes = bytes;
  std::vector<std::unique_ptr<BarSource>> parts;
  for (const std::string& path : paths) {
    Result<std::unique_ptr<CsvBarSource>> csv = open_csv(path, options, bytes);
    if (!csv.is_ok()) return csv.status();
    if (!(*csv)->has_symbol_column()) {
      out.symbols.insert(csv_options(path, options).symbol);
      parts.push_back(std::move(csv).value());
      continue;
    }
    Result<std::vector<Bar>> bars = drain(**csv);
    if (!bars.is_ok()) return bars.status();
    for (const Bar& b : *bars) out.symbols.insert(b.symbol);
    parts.push_back(std::make_unique<VectorBarSource>(std::move(bars).value()));
  }
  out.bars = parts.size() == 1 ? std::move(parts.front()) : std::make_unique<MergedBarSource>(std::move(parts));
  return out;
}

Result<std::shared_ptr<const std::vector<Bar>>> read_bar_files(const std::vector<std::string>& paths,
                                                               const BarFileOptions& options) {
  Result<BarFiles> files = open_bar_files(paths, options);
  if (!files.is_ok()) return files.status();
  Result<std::vector<Bar>> bars = drain(*files->bars);
  if (!bars.is_ok()) return bars.status();
  // The merge gave them in replay order already: shared as they are, not sorted again.
  return std::shared_ptr<const std::vector<Bar>>(std::make_shared<std::vector<Bar>>(std::move(bars).value()));
}

Status check_bar_files(const std::vector<std::string>& paths, const BarFileOptions& options) {
  auto bytes = std::make_shared<BytesRead>();
  for (const std::string& path : paths) {
    Result<std::unique_ptr<CsvBarSource>> csv = open_csv(path, options, bytes);
    if (!csv.is_ok()) return csv.status();
    Bar bar;
    for (;;) {
      Result<bool> got = (*csv)->next(bar);
      if (!got.is_ok()) return got.status();
      if (!*got) break;
    }
  }
  return Status::ok();
}

}  // namespace stonks
