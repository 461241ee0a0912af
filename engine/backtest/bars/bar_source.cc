#include "backtest/bars/bar_source.h"

#include "backtest/bars/replay_order.h"

namespace stonks {

std::shared_ptr<const std::vector<Bar>> sorted_for_replay(std::vector<Bar> bars) {
  sort_for_replay(bars);
  return std::make_shared<const std::vector<Bar>>(std::move(bars));
}

VectorBarSource::VectorBarSource(std::vector<Bar> bars)
    : bars_(sorted_for_replay(std::move(bars))), last_(bars_->size()) {}

Result<bool> VectorBarSource::next(Bar& out) {
  if (next_ == last_) return false;
  out = (*bars_)[next_++];
  return true;
}

}  // namespace stonks
