#include "backtest/report/equity_tracker.h"

namespace stonks {

double growth(Money a, Money b) {
  if (b <= Money()) return 0;
  return static_cast<double>(a.micros() - b.micros()) / static_cast<double>(b.micros());
}

void EquityTracker::add(const EquityPoint& p) {
  if (points_ == 0) {
    first_ = p;
    peak_at_ = p.at;
    deepest_peak_at_ = p.at;
  } else if (utc_day(p.at) != utc_day(last_.at)) {
    closed_days_.push_back(growth(last_.equity, previous_day_close_));
    previous_day_close_ = last_.equity;
  }
  if (points_ % stride_ == 0) {
    kept_.push_back(p);
    if (kept_.size() > kMaxPoints) {  // keep the points at multiples of twice the stride
      std::size_t out = 0;
      for (std::size_t i = 0; i < kept_.size(); i += 2) kept_[out++] = kept_[i];
      kept_.resize(out);
      stride_ *= 2;
    }
  }
  ++points_;
  last_ = p;
  exposed_ += p.exposed ? 1 : 0;

  if (p.equity >= peak_) {
    if (!recovered_) {  // the deepest fall so far started from this peak
      recovered_after_ = p.at - peak_at_;
      recovered_ = true;
    }
    peak_ = p.equity;
    peak_at_ = p.at;
    return;
  }
  const double fall = -growth(p.equity, peak_);
  if (fall > deepest_) {
    deepest_ = fall;
    deepest_peak_at_ = peak_at_;
    recovered_ = false;
  }
}

Duration EquityTracker::max_drawdown_duration() const {
  return recovered_ ? recovered_after_ : last_.at - deepest_peak_at_;
}

std::vector<double> EquityTracker::daily_returns() const {
  std::vector<double> out = closed_days_;
  if (points_ > 0) out.push_back(growth(last_.equity, previous_day_close_));
  return out;
}

EquityCurve EquityTracker::curve() const {
  EquityCurve out = kept_;
  if (points_ > 0 && (out.empty() || out.back().at != last_.at)) out.push_back(last_);
  return out;
}

}  // namespace stonks
