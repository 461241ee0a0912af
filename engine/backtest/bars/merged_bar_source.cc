#include "backtest/bars/merged_bar_source.h"

#include <algorithm>

namespace stonks {
namespace {

// std::push_heap keeps the greatest first; this puts the earliest there.
struct Later {
  template <class H>
  bool operator()(const H& a, const H& b) const {
    if (a.bar.at != b.bar.at) return a.bar.at > b.bar.at;
    if (a.bar.symbol != b.bar.symbol) return b.bar.symbol < a.bar.symbol;
    return a.part > b.part;
  }
};

}  // namespace

MergedBarSource::MergedBarSource(std::vector<std::unique_ptr<BarSource>> parts) : parts_(std::move(parts)) {}

Status MergedBarSource::refill(std::size_t i, const Bar* given) {
  Head h{Bar{}, i};
  Result<bool> got = parts_[i]->next(h.bar);
  if (!got.is_ok()) return got.status();
  if (!*got) return Status::ok();
  if (given != nullptr && Later{}(Head{*given, i}, h))
    return Status::invalid_argument("bars are not in time order: " + h.bar.symbol.str() + " at " +
                                        format_iso8601(h.bar.at) + " after " + given->symbol.str() + " at " +
                                        format_iso8601(given->at),
                                    "bars");
  heap_.push_back(h);
  std::push_heap(heap_.begin(), heap_.end(), Later{});
  return Status::ok();
}

Result<bool> MergedBarSource::next(Bar& out) {
  if (!failure_.is_ok()) return failure_;
  if (!started_) {
    started_ = true;
    for (std::size_t i = 0; i < parts_.size() && failure_.is_ok(); ++i) failure_ = refill(i, nullptr);
    if (!failure_.is_ok()) return failure_;
  }
  if (heap_.empty()) return false;
  std::pop_heap(heap_.begin(), heap_.end(), Later{});
  out = heap_.back().bar;
  const std::size_t part = heap_.back().part;
  heap_.pop_back();
  failure_ = refill(part, &out);
  if (!failure_.is_ok()) return failure_;
  return true;
}

std::optional<std::size_t> MergedBarSource::total() const {
  std::size_t sum = 0;
  for (const auto& p : parts_) {
    std::optional<std::size_t> n = p->total();
    if (!n) return std::nullopt;
    sum += *n;
  }
  return sum;
}

}  // namespace stonks
