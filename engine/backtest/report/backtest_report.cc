#include "backtest/report/backtest_report.h"

#include <cmath>

namespace stonks {
namespace {

constexpr double kTradingDaysPerYear = 252;
constexpr double kMicrosPerYear = 365.25 * 24 * 3600 * 1e6;

double rounded(double x) { return std::round(x * 1e6) / 1e6; }

Duration bar_length(const ReportTimes& times, const Symbol& s) {
  auto it = times.bar_lengths.find(s);
  return it == times.bar_lengths.end() ? Duration(0) : it->second;
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

void fill_per_symbol(const ChunkedVector<Fill>& fills, const TradeList& list, BacktestReport& rep) {
  std::map<Symbol, SymbolResult> by_symbol;
  for (const Fill& f : fills) {
    SymbolResult& r = by_symbol[f.symbol];
    ++r.fills;
    r.fees += f.fee;
  }
  for (const Trade& t : list.closed) {
    SymbolResult& r = by_symbol[t.symbol];
    ++r.trades;
    r.wins += t.pnl > Money() ? 1 : 0;
    r.losses += t.pnl < Money() ? 1 : 0;
    r.pnl += t.pnl;
  }
  for (const Symbol& s : list.open_symbols) by_symbol[s].open = true;
  for (auto& [symbol, r] : by_symbol) {
    r.symbol = symbol;
    rep.per_symbol.push_back(r);
  }
}

void fill_trades(const ChunkedVector<Fill>& fills, const ReportTimes& times, BacktestReport& rep) {
  TradeList list = trades_from_fills(fills);
  fill_per_symbol(fills, list, rep);
  for (Trade& t : list.closed) {
    t.entry_at -= bar_length(times, t.symbol);
    t.exit_at -= bar_length(times, t.symbol);
  }
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
  rep.open_trades = static_cast<int>(list.open_symbols.size());
  if (rep.trades > 0) rep.win_rate = rounded(static_cast<double>(rep.wins) / rep.trades);
  if (rep.wins > 0) rep.average_win = Money::from_micros(mul_div_round(won.micros(), 1, rep.wins));
  if (rep.losses > 0) rep.average_loss = Money::from_micros(mul_div_round(lost.micros(), 1, rep.losses));
  rep.trade_list = std::move(list.closed);
}

}  // namespace

BacktestReport make_report(const EquityTracker& equity, const ChunkedVector<Fill>& fills, const ReportTimes& times) {
  const Money starting_cash = equity.starting_cash();
  BacktestReport rep;
  rep.starting_equity = starting_cash;
  rep.final_equity = starting_cash;
  rep.fills = fills.size();
  rep.daily = times.daily;
  for (const Fill& f : fills) rep.fees_paid += f.fee;
  fill_trades(fills, times, rep);
  if (equity.points() == 0) return rep;

  rep.start = equity.first().at;
  rep.end = equity.last().at;
  for (const auto& [symbol, length] : times.bar_lengths)
    if (length > Duration(0) && (rep.first_bar_length == Duration(0) || length < rep.first_bar_length))
      rep.first_bar_length = length;
  rep.points = equity.points();
  rep.final_equity = equity.last().equity;
  rep.net_pnl = rep.final_equity - starting_cash;
  rep.total_return = rounded(growth(rep.final_equity, starting_cash));
  const double years = static_cast<double>((rep.end - rep.start).count()) / kMicrosPerYear;
  if (years > 0 && starting_cash > Money()) {
    const double multiple = 1 + growth(rep.final_equity, starting_cash);
    rep.cagr = multiple <= 0 ? -1 : rounded(std::pow(multiple, 1 / years) - 1);
  }
  fill_volatility(equity.daily_returns(), rep);
  rep.max_drawdown = rounded(equity.max_drawdown());
  rep.max_drawdown_duration = equity.max_drawdown_duration();
  rep.exposure = rounded(static_cast<double>(equity.exposed_points()) / static_cast<double>(equity.points()));
  rep.equity_curve = equity.curve();
  return rep;
}

}  // namespace stonks
