#include "backtest/report/report_format.h"

#include <cinttypes>
#include <cstdio>

#include "json/json_values.h"

namespace stonks {
namespace {

constexpr std::int64_t kMicrosPerDay = 86'400'000'000;

void line(std::string& out, const char* label, const std::string& value) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%-22s%16s\n", label, value.c_str());
  out += buf;
}

std::string date_of(Timestamp t) { return format_iso8601(t).substr(0, 10); }

void symbol_rows(std::string& out, const BacktestReport& r) {
  if (r.per_symbol.empty()) return;
  char buf[160];
  std::snprintf(buf, sizeof buf, "\n%-10s%7s%8s%6s%6s%6s%16s%12s\n", "Symbol", "Fills", "Trades", "Won", "Lost", "Open",
                "P&L (closed)", "Fees");
  out += buf;
  for (const SymbolResult& s : r.per_symbol) {
    std::snprintf(buf, sizeof buf, "%-10s%7zu%8d%6d%6d%6s%16s%12s\n", s.symbol.str().c_str(), s.fills, s.trades, s.wins,
                  s.losses, s.open ? "yes" : "no", report_money(s.pnl).c_str(), report_money(s.fees).c_str());
    out += buf;
  }
}

}  // namespace

std::string report_money(Money m) { return fixed_point::format_micros(mul_div_round(m.micros(), 1, 10'000) * 10'000); }

std::string report_ratio(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

std::string report_percent(double fraction) { return report_ratio(fraction * 100) + "%"; }

std::string report_days(Duration d) {
  const std::int64_t tenths = mul_div_round(d.count(), 10, kMicrosPerDay);  // a report's durations are >= 0
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " days";
}

std::string report_time(const BacktestReport& r, Timestamp bar_start) {
  return r.daily ? date_of(bar_start) : format_iso8601(bar_start);
}

std::string report_bar_end(const BacktestReport& r, Timestamp bar_end) {
  return r.daily ? date_of(bar_end - Duration(1)) : format_iso8601(bar_end);
}

std::string report_range(const BacktestReport& r) {
  return report_time(r, r.start - r.first_bar_length) + " .. " + report_bar_end(r, r.end);
}

std::string report_text(const BacktestReport& r) {
  std::string out = "Backtest " + report_range(r) + " (" + std::to_string(r.points) + " bar times, " +
                    std::to_string(r.fills) + " fills)\n";
  line(out, "Starting equity", report_money(r.starting_equity));
  line(out, "Final equity", report_money(r.final_equity));
  line(out, "Net P&L", report_money(r.net_pnl));
  line(out, "Total return", report_percent(r.total_return));
  line(out, "CAGR", report_percent(r.cagr));
  line(out, "Annual volatility", report_percent(r.annual_volatility));
  line(out, "Sharpe", report_ratio(r.sharpe));
  line(out, "Max drawdown", report_percent(r.max_drawdown));
  line(out, "Max drawdown length", report_days(r.max_drawdown_duration));
  line(out, "Exposure", report_percent(r.exposure));
  line(out, "Trades", std::to_string(r.trades));
  line(out, "Won / lost / open",
       std::to_string(r.wins) + " / " + std::to_string(r.losses) + " / " + std::to_string(r.open_trades));
  line(out, "Win rate", report_percent(r.win_rate));
  line(out, "Average win", report_money(r.average_win));
  line(out, "Average loss", report_money(r.average_loss));
  line(out, "Fees paid", report_money(r.fees_paid));
  symbol_rows(out, r);
  return out;
}

std::string trades_csv(const BacktestReport& r) {
  std::string out = "symbol,side,qty,entry_time,entry_price,exit_time,exit_price,fees,pnl\n";
  for (const Trade& t : r.trade_list) {
    out += t.symbol.str() + (t.side == Side::kBuy ? ",long," : ",short,") + std::to_string(t.qty) + "," +
           report_time(r, t.entry_at) + "," + t.entry_price.to_string() + "," + report_time(r, t.exit_at) + "," +
           t.exit_price.to_string() + "," + report_money(t.fees) + "," + report_money(t.pnl) + "\n";
  }
  return out;
}

std::string equity_csv(const BacktestReport& r) {
  std::string out = "time,equity\n";
  for (const EquityPoint& p : r.equity_curve) out += report_bar_end(r, p.at) + "," + report_money(p.equity) + "\n";
  return out;
}

std::string report_json(const BacktestReport& r) {
  nlohmann::ordered_json j;
  j["start"] = to_json(r.start);
  j["end"] = to_json(r.end);
  j["bar_times"] = r.points;
  j["daily"] = r.daily;
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
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const SymbolResult& s : r.per_symbol)
    rows.push_back({{"symbol", s.symbol.str()},
                    {"fills", s.fills},
                    {"trades", s.trades},
                    {"wins", s.wins},
                    {"losses", s.losses},
                    {"open", s.open},
                    {"pnl", to_json(s.pnl)},
                    {"fees", to_json(s.fees)}});
  j["per_symbol"] = std::move(rows);
  return j.dump(2) + "\n";
}

}  // namespace stonks
