#include "backtest/bars/csv_bar_source.h"

namespace stonks {

CsvBarSource::CsvBarSource(CsvBarOptions options, ChunkReader read, std::string name, std::optional<std::size_t> total)
    : parser_(std::move(options)), read_(std::move(read)), name_(std::move(name)), total_(total) {}

Status CsvBarSource::refused() const {
  const CsvError& e = parser_.error();
  const std::string where = name_.empty() ? "line " + std::to_string(e.line) : name_ + ":" + std::to_string(e.line);
  return Status::invalid_argument(where + ": " + e.reason, e.column);
}

Status CsvBarSource::fill() {
  bars_.clear();
  next_ = 0;
  while (bars_.empty() && !ended_) {
    Result<std::string_view> chunk = read_();
    if (!chunk.is_ok()) return chunk.status();
    if (chunk->empty()) {
      ended_ = true;
      if (!parser_.finish(bars_).is_ok()) return refused();
    } else if (!parser_.feed(*chunk, bars_).is_ok()) {
      return refused();
    }
  }
  return Status::ok();
}

Status CsvBarSource::read_header() {
  if (!failure_.is_ok()) return failure_;
  // The header is the first line; a chunk of bars after it waits in bars_.
  failure_ = fill();
  return failure_;
}

Result<bool> CsvBarSource::next(Bar& out) {
  if (!failure_.is_ok()) return failure_;
  if (next_ == bars_.size()) {
    failure_ = fill();
    if (!failure_.is_ok()) return failure_;
    if (bars_.empty()) return false;
  }
  out = bars_[next_++];
  return true;
}

}  // namespace stonks
