// EquityTracker: what a backtest's report needs of its equity curve, folded
// point by point so that a replay's memory does not grow with its bars.
#pragma once

#include <cstddef>
#include <vector>

#include "backtest/report/equity_curve.h"
#include "model/fixed_point.h"
#include "model/time.h"

namespace stonks {

// a / b - 1 for amounts of money, as a fraction; 0 when b is not positive.
double growth(Money a, Money b);

// Holds the running peak and deepest fall, the exposed-point count, one
// return per UTC day (8 bytes a day) and the curve thinned to at most
// kMaxPoints: every 2^k-th point, k growing as needed, and always the last.
// So a daily replay of decades keeps every point and a minute replay of
// millions of bars about 40 KB.
class EquityTracker {
 public:
  static constexpr std::size_t kMaxPoints = 2048;

  explicit EquityTracker(Money starting_cash) : starting_cash_(starting_cash), peak_(starting_cash) {}

  // The next point, later than the previous one.
  void add(const EquityPoint& p);

  Money starting_cash() const { return starting_cash_; }
  std::size_t points() const { return points_; }
  // The first and last point; requires points() > 0.
  const EquityPoint& first() const { return first_; }
  const EquityPoint& last() const { return last_; }
  std::size_t exposed_points() const { return exposed_; }
  // The deepest fall from a running peak (the starting cash is the first
  // peak), as a fraction of that peak, and how long from that peak until
  // equity regained it, or until the last point.
  double max_drawdown() const { return deepest_; }
  Duration max_drawdown_duration() const;
  // Each UTC day's return: its last point against the previous day's, the
  // first day against the starting cash.
  std::vector<double> daily_returns() const;
  // The thinned curve, in time order, ending with the last point.
  EquityCurve curve() const;

 private:
  Money starting_cash_;
  std::size_t points_ = 0;
  EquityPoint first_;
  EquityPoint last_;
  std::size_t exposed_ = 0;

  Money peak_;
  Timestamp peak_at_{};
  double deepest_ = 0;
  Timestamp deepest_peak_at_{};
  bool recovered_ = true;
  Duration recovered_after_{0};  // the deepest fall's length, once equity regained its peak

  std::vector<double> closed_days_;  // returns of the days before the last point's
  Money previous_day_close_ = starting_cash_;

  EquityCurve kept_;        // every stride_-th point
  std::size_t stride_ = 1;  // a power of two
};

}  // namespace stonks
