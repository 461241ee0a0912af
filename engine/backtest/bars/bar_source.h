// BarSource: where a replay's bars come from, one at a time in replay order
// (time, then symbol: replay_order.h), so that a replay need not hold them.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "model/market_data.h"
#include "model/status.h"

namespace stonks {

class BarSource {
 public:
  virtual ~BarSource() = default;
  // The next bar into `out` and true, or false at the end. An error (a bad
  // CSV row) ends the source: every later call returns it again.
  virtual Result<bool> next(Bar& out) = 0;
  // How many bars it gives in all, when known before they are read.
  virtual std::optional<std::size_t> total() const = 0;
};

// Bars held in memory, sorted for replay once; several replays (a sweep's
// runs) can share one vector.
class VectorBarSource final : public BarSource {
 public:
  // Sorts `bars` for replay.
  explicit VectorBarSource(std::vector<Bar> bars);
  // `sorted` must already be in replay order (sorted_for_replay); its bars
  // [first, last) only, when given (a sweep's in- and out-of-sample parts).
  explicit VectorBarSource(std::shared_ptr<const std::vector<Bar>> sorted)
      : bars_(std::move(sorted)), last_(bars_->size()) {}
  VectorBarSource(std::shared_ptr<const std::vector<Bar>> sorted, std::size_t first, std::size_t last)
      : bars_(std::move(sorted)), next_(first), first_(first), last_(last) {}

  Result<bool> next(Bar& out) override;
  std::optional<std::size_t> total() const override { return last_ - first_; }

 private:
  std::shared_ptr<const std::vector<Bar>> bars_;
  std::size_t next_ = 0;
  std::size_t first_ = 0;
  std::size_t last_ = 0;
};

// `bars` sorted for replay, to be shared by VectorBarSources.
std::shared_ptr<const std::vector<Bar>> sorted_for_replay(std::vector<Bar> bars);

}  // namespace stonks
