#include "backtest/report_format.h"

#include <cinttypes>
#include <cstdio>

#include "json/json_values.h"

namespace stonks {
namespace {

std::string percent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", fraction * 100);
  return buf;
}

std::string decimals(double x, int places) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", places, x);
  return buf;
}

// Whole days with 2 decimals, from exact microseconds.
std::string days(Duration d) {
  const std::int64_t hundredths = mul_div_round(d.count(), 100, 86'400'000'000);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%" PRId64 ".%02" PRId64 " days", hundredths / 100, hundredths % 100);
  return buf;
}

void line(std::string& out, const char* label, const std::string& value) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%-22s%16s\n", label, value.c_str());
  out += buf;
}

}  // namespace

std::string report_text(const BacktestReport& r) {
  std::string out = "Backtest " + format_iso8601(r.start) + " .. " + format_iso8601(r.end) + " (" +
                    std::to_string(r.points) + " bar times, " + std::to_string(r.fills) + " fills)\n";
  line(out, "Starting equity", r.starting_equity.to_string());
  line(out, "Final equity", r.final_equity.to_string());
  line(out, "Net P&L", r.net_pnl.to_string());
  line(out, "Total return", percent(r.total_return));
  line(out, "CAGR", percent(r.cagr));
  line(out, "Annual volatility", percent(r.annual_volatility));
  line(out, "Sharpe", decimals(r.sharpe, 3));
  line(out, "Max drawdown", percent(r.max_drawdown));
  line(out, "Max drawdown length", days(r.max_drawdown_duration));
  line(out, "Exposure", percent(r.exposure));
  line(out, "Trades", std::to_string(r.trades));
  line(out, "Won / lost / open",
       std::to_string(r.wins) + " / " + std::to_string(r.losses) + " / " + std::to_string(r.open_trades));
  line(out, "Win rate", percent(r.win_rate));
  line(out, "Average win", r.average_win.to_string());
  line(out, "Average loss", r.average_loss.to_string());
  line(out, "Fees paid", r.fees_paid.to_string());
  return out;
}

std::string trades_csv(const BacktestReport& r) {
  std::string out = "symbol,side,qty,entry_time,entry_price,exit_time,exit_price,fees,pnl\n";
  for (const Trade& t : r.trade_list) {
    out += t.symbol.str() + (t.side == Side::kBuy ? ",long," : ",short,") + std::to_string(t.qty) + "," +
           format_iso8601(t.entry_at) + "," + t.entry_price.to_string() + "," + format_iso8601(t.exit_at) + "," +
           t.exit_price.to_string() + "," + t.fees.to_string() + "," + t.pnl.to_string() + "\n";
  }
  return out;
}

std::string equity_csv(const BacktestReport& r) {
  std::string out = "time,equity\n";
  for (const EquityPoint& p : r.equity_curve) out += format_iso8601(p.at) + "," + p.equity.to_string() + "\n";
  return out;
}

std::string report_json(const BacktestReport& r) {
  nlohmann::ordered_json j;
  j["start"] = to_json(r.start);
  j["end"] = to_json(r.end);
  j["bar_times"] = r.points;
  j["fills"] = r.fills;
  j["starting_equity"] = to_json(r.starting_equity);
  j["final_equity"] = to_json(r.final_equity);
  j["net_pnl"] = to_json(r.net_pnl);
  j["fees_paid"] = to_json(r.fees_paid);
  j["total_return"] = r.total_return;
  j["cagr"] = r.cagr;
  j["annual_volatility"] = r.annual_volatility;
  j["sharpe"] = r.sharpe;
  j["max_drawdown"] = r.max_drawdown;
  j["max_drawdown_duration_seconds"] =
      std::chrono::duration_cast<std::chrono::seconds>(r.max_drawdown_duration).count();
  j["exposure"] = r.exposure;
  j["trades"] = r.trades;
  j["wins"] = r.wins;
  j["losses"] = r.losses;
  j["open_trades"] = r.open_trades;
  j["win_rate"] = r.win_rate;
  j["average_win"] = to_json(r.average_win);
  j["average_loss"] = to_json(r.average_loss);
  return j.dump(2) + "\n";
}

}  // namespace stonks
