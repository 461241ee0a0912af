#include "backtest/backtest_report.h"

#include <cmath>

namespace stonks {
namespace {

constexpr double kTradingDaysPerYear = 252;
constexpr double kMicrosPerYear = 365.25 * 24 * 3600 * 1e6;

double rounded(double x) { return std::round(x * 1e6) / 1e6; }

// a / b - 1 for amounts of money; 0 when b is not positive.
double growth(Money a, Money b) {
  if (b <= Money()) return 0;
  return static_cast<double>(a.micros() - b.micros()) / static_cast<double>(b.micros());
}

// The return of each UTC day that has bars: its last point against the
// previous day's (the first day against the starting cash).
std::vector<double> daily_returns(Money starting_cash, const EquityCurve& curve) {
  std::vector<double> out;
  Money previous = starting_cash;
  for (std::size_t i = 0; i < curve.size(); ++i) {
    const bool day_ends = i + 1 == curve.size() || utc_day(curve[i + 1].at) != utc_day(curve[i].at);
    if (!day_ends) continue;
    out.push_back(growth(curve[i].equity, previous));
    previous = curve[i].equity;
  }
  return out;
}

void fill_volatility(const std::vector<double>& r, BacktestReport& rep) {
  if (r.size() < 2) return;
  double sum = 0;
  for (double x : r) sum += x;
  const double mean = sum / static_cast<double>(r.size());
  double squares = 0;
  for (double x : r) squares += (x - mean) * (x - mean);
  const double stdev = std::sqrt(squares / static_cast<double>(r.size() - 1));
  const double annualise = std::sqrt(kTradingDaysPerYear);
  rep.annual_volatility = rounded(stdev * annualise);
  if (stdev > 0) rep.sharpe = rounded(mean / stdev * annualise);
}

void fill_drawdown(Money starting_cash, const EquityCurve& curve, BacktestReport& rep) {
  Money peak = starting_cash;
  Timestamp peak_at = curve.front().at;
  double deepest = 0;
  Timestamp deepest_peak_at = peak_at;
  bool recovered = true;
  for (const EquityPoint& p : curve) {
    if (p.equity >= peak) {
      if (!recovered) {  // the deepest fall so far started from this peak
        rep.max_drawdown_duration = p.at - peak_at;
        recovered = true;
      }
      peak = p.equity;
      peak_at = p.at;
      continue;
    }
    const double fall = -growth(p.equity, peak);
    if (fall > deepest) {
      deepest = fall;
      deepest_peak_at = peak_at;
      recovered = false;
    }
  }
  if (!recovered) rep.max_drawdown_duration = curve.back().at - deepest_peak_at;
  rep.max_drawdown = rounded(deepest);
}

void fill_trades(const ChunkedVector<Fill>& fills, BacktestReport& rep) {
  TradeList list = trades_from_fills(fills);
  Money won, lost;
  for (const Trade& t : list.closed) {
    if (t.pnl > Money()) {
      ++rep.wins;
      won += t.pnl;
    } else if (t.pnl < Money()) {
      ++rep.losses;
      lost += t.pnl;
    }
  }
  rep.trades = static_cast<int>(list.closed.size());
  rep.open_trades = list.open;
  if (rep.trades > 0) rep.win_rate = rounded(static_cast<double>(rep.wins) / rep.trades);
  if (rep.wins > 0) rep.average_win = Money::from_micros(mul_div_round(won.micros(), 1, rep.wins));
  if (rep.losses > 0) rep.average_loss = Money::from_micros(mul_div_round(lost.micros(), 1, rep.losses));
  rep.trade_list = std::move(list.closed);
}

}  // namespace

BacktestReport make_report(Money starting_cash, const EquityCurve& curve, const ChunkedVector<Fill>& fills) {
  BacktestReport rep;
  rep.starting_equity = starting_cash;
  rep.final_equity = starting_cash;
  rep.fills = fills.size();
  for (const Fill& f : fills) rep.fees_paid += f.fee;
  fill_trades(fills, rep);
  if (curve.empty()) return rep;

  rep.start = curve.front().at;
  rep.end = curve.back().at;
  rep.points = curve.size();
  rep.final_equity = curve.back().equity;
  rep.net_pnl = rep.final_equity - starting_cash;
  rep.total_return = rounded(growth(rep.final_equity, starting_cash));
  const double years = static_cast<double>((rep.end - rep.start).count()) / kMicrosPerYear;
  if (years > 0 && starting_cash > Money()) {
    const double multiple = 1 + growth(rep.final_equity, starting_cash);
    rep.cagr = multiple <= 0 ? -1 : rounded(std::pow(multiple, 1 / years) - 1);
  }
  fill_volatility(daily_returns(starting_cash, curve), rep);
  fill_drawdown(starting_cash, curve, rep);
  std::size_t exposed = 0;
  for (const EquityPoint& p : curve) exposed += p.exposed ? 1 : 0;
  rep.exposure = rounded(static_cast<double>(exposed) / static_cast<double>(curve.size()));
  rep.equity_curve = curve;
  return rep;
}

}  // namespace stonks
