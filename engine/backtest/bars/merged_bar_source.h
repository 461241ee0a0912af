// MergedBarSource: several sources' bars as one, in replay order, without
// holding more than one bar of each (the CLI's files, streamed together).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "backtest/bars/bar_source.h"

namespace stonks {

class MergedBarSource final : public BarSource {
 public:
  // Each part must give its bars in replay order itself (one symbol's file
  // does: its times only grow). Equal bars of two parts come in part order,
  // as sort_for_replay would leave them.
  explicit MergedBarSource(std::vector<std::unique_ptr<BarSource>> parts);

  // A part's error as it comes; kInvalidArgument (field "bars") when a part
  // steps back in replay order.
  Result<bool> next(Bar& out) override;
  // The sum when every part knows its own.
  std::optional<std::size_t> total() const override;

 private:
  struct Head {
    Bar bar;
    std::size_t part = 0;
  };
  // Reads part `i`'s next bar into the heap, checking that it does not
  // come before `given`, the part's bar just given out (null: none yet).
  Status refill(std::size_t i, const Bar* given);

  std::vector<std::unique_ptr<BarSource>> parts_;
  std::vector<Head> heap_;  // a min-heap on (time, symbol, part)
  bool started_ = false;
  Status failure_;
};

}  // namespace stonks
