#include "backtest/sweep/sweep_results.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "backtest/report/report_format.h"

namespace stonks {
namespace {

constexpr const char* kMetricColumns[] = {"trades",           "return_pct",   "sharpe",
                                          "max_drawdown_pct", "win_rate_pct", "final_equity"};
constexpr std::size_t kMetricCount = std::size(kMetricColumns);

std::int64_t hundredths(double x) { return std::llround(x * 100); }

std::vector<std::string> header(const SweepTable& t) {
  std::vector<std::string> h = {"combination", "of"};
  h.insert(h.end(), t.keys.begin(), t.keys.end());
  for (const char* c : kMetricColumns) h.emplace_back(c);
  if (t.split)
    for (const char* c : kMetricColumns) h.push_back(std::string("oos_") + c);
  return h;
}

void append_metrics(std::vector<std::string>& cells, const SweepMetrics& m) {
  cells.push_back(std::to_string(m.trades));
  cells.push_back(hundredths_text(m.return_pct));
  cells.push_back(hundredths_text(m.sharpe));
  cells.push_back(hundredths_text(m.drawdown_pct));
  cells.push_back(hundredths_text(m.win_rate_pct));
  cells.push_back(report_money(m.final_equity));
}

std::vector<std::string_view> split_commas(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  for (;;) {
    const std::size_t comma = line.find(',', at);
    out.push_back(line.substr(at, comma - at));
    if (comma == std::string_view::npos) return out;
    at = comma + 1;
  }
}

Result<std::int64_t> parse_hundredths(std::string_view text) {
  Result<std::int64_t> m = fixed_point::parse_micros(text);
  if (!m.is_ok() || *m % 10'000 != 0) return Status::invalid_argument("'" + std::string(text) + "' is not a number");
  return *m / 10'000;
}

Result<std::size_t> parse_count(std::string_view text) {
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string_view::npos)
    return Status::invalid_argument("'" + std::string(text) + "' is not a count");
  return static_cast<std::size_t>(std::stoull(std::string(text)));
}

Result<SweepMetrics> parse_metrics(const std::vector<std::string_view>& cells, std::size_t at) {
  SweepMetrics m;
  Result<std::size_t> trades = parse_count(cells[at]);
  if (!trades.is_ok()) return trades.status();
  m.trades = static_cast<int>(*trades);
  std::int64_t* fields[] = {&m.return_pct, &m.sharpe, &m.drawdown_pct, &m.win_rate_pct};
  for (std::size_t i = 0; i < 4; ++i) {
    Result<std::int64_t> h = parse_hundredths(cells[at + 1 + i]);
    if (!h.is_ok()) return h.status();
    *fields[i] = *h;
  }
  Result<Money> equity = Money::parse(cells[at + 5]);
  if (!equity.is_ok()) return Status::invalid_argument("'" + std::string(cells[at + 5]) + "' is not an amount");
  m.final_equity = *equity;
  return m;
}

std::string join(const std::vector<std::string>& cells) {
  std::string out;
  for (const std::string& c : cells) out += (out.empty() ? "" : ",") + c;
  return out;
}

}  // namespace

std::string hundredths_text(std::int64_t h) { return fixed_point::format_micros(h * 10'000); }

SweepMetrics sweep_metrics(const BacktestReport& r) {
  SweepMetrics m;
  m.trades = r.trades;
  m.return_pct = hundredths(r.total_return * 100);
  m.sharpe = hundredths(r.sharpe);
  m.drawdown_pct = hundredths(r.max_drawdown * 100);
  m.win_rate_pct = hundredths(r.win_rate * 100);
  m.final_equity = Money::from_micros(mul_div_round(r.final_equity.micros(), 1, 10'000) * 10'000);
  return m;
}

Result<SweepRank> parse_sweep_rank(std::string_view text) {
  if (text == "sharpe") return SweepRank::kSharpe;
  if (text == "return") return SweepRank::kReturn;
  if (text == "drawdown") return SweepRank::kDrawdown;
  return Status::invalid_argument(
      "--rank: expected sharpe, return or drawdown, got '" + std::string(text.substr(0, 40)) + "'", "--rank");
}

void rank_sweep(std::vector<SweepRow>& rows, SweepRank rank) {
  // Higher is better for all three once drawdown's sign is turned.
  const auto score = [rank](const SweepRow& r) {
    switch (rank) {
      case SweepRank::kSharpe:
        return r.in_sample.sharpe;
      case SweepRank::kReturn:
        return r.in_sample.return_pct;
      case SweepRank::kDrawdown:
        return -r.in_sample.drawdown_pct;
    }
    return std::int64_t{0};
  };
  std::sort(rows.begin(), rows.end(), [&](const SweepRow& a, const SweepRow& b) {
    if (score(a) != score(b)) return score(a) > score(b);
    return a.combination < b.combination;
  });
}

std::string sweep_csv(const SweepTable& t) {
  std::string out = join(header(t)) + "\n";
  for (const SweepRow& r : t.rows) {
    std::vector<std::string> cells = {std::to_string(r.combination), std::to_string(t.combinations)};
    cells.insert(cells.end(), r.values.begin(), r.values.end());
    append_metrics(cells, r.in_sample);
    if (t.split) append_metrics(cells, r.out_of_sample.value_or(SweepMetrics{}));
    out += join(cells) + "\n";
  }
  return out;
}

Result<SweepTable> parse_sweep_csv(std::string_view text) {
  SweepTable t;
  std::size_t line_no = 0;
  std::size_t width = 0;
  auto refused = [&](const std::string& why) {
    return Status::invalid_argument(std::to_string(line_no) + ": " + why, "sweep.csv");
  };
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const std::vector<std::string_view> cells = split_commas(line);
    if (line_no == 1) {
      if (cells.size() < 2 + kMetricCount || cells[0] != "combination" || cells[1] != "of")
        return refused("not a sweep.csv header");
      const std::size_t params = cells.size() - 2 - kMetricCount;
      t.split = params >= kMetricCount && cells[cells.size() - kMetricCount] == "oos_trades";
      const std::size_t keys = params - (t.split ? kMetricCount : 0);
      for (std::size_t i = 0; i < keys; ++i) t.keys.emplace_back(cells[2 + i]);
      width = cells.size();
      if (std::vector<std::string>(cells.begin(), cells.end()) != header(t)) return refused("not a sweep.csv header");
      continue;
    }
    if (cells.size() != width) return refused("expected " + std::to_string(width) + " cells");
    SweepRow r;
    Result<std::size_t> combination = parse_count(cells[0]);
    Result<std::size_t> of = parse_count(cells[1]);
    if (!combination.is_ok() || !of.is_ok() || *combination >= *of) return refused("a bad combination number");
    if (t.rows.empty()) t.combinations = *of;
    if (*of != t.combinations) return refused("the grid's size differs from the rows before");
    r.combination = *combination;
    for (std::size_t i = 0; i < t.keys.size(); ++i) r.values.emplace_back(cells[2 + i]);
    Result<SweepMetrics> in = parse_metrics(cells, 2 + t.keys.size());
    if (!in.is_ok()) return refused(in.status().message());
    r.in_sample = *in;
    if (t.split) {
      Result<SweepMetrics> out = parse_metrics(cells, 2 + t.keys.size() + kMetricCount);
      if (!out.is_ok()) return refused(out.status().message());
      r.out_of_sample = *out;
    }
    t.rows.push_back(std::move(r));
  }
  if (line_no == 0) return Status::invalid_argument("an empty file", "sweep.csv");
  return t;
}

Result<SweepTable> merge_sweeps(std::vector<SweepTable> shards, SweepRank rank) {
  if (shards.empty()) return Status::invalid_argument("nothing to merge", "--merge");
  SweepTable out;
  out.keys = shards.front().keys;
  out.split = shards.front().split;
  std::set<std::size_t> seen;
  for (SweepTable& s : shards) {
    if (s.keys != out.keys || s.split != out.split)
      return Status::invalid_argument("the files sweep different parameters or splits", "--merge");
    if (!s.rows.empty()) {
      if (out.combinations != 0 && s.combinations != out.combinations)
        return Status::invalid_argument("the files come from grids of different sizes", "--merge");
      out.combinations = s.combinations;
    }
    for (SweepRow& r : s.rows) {
      if (!seen.insert(r.combination).second)
        return Status::invalid_argument("combination " + std::to_string(r.combination) + " is in two files", "--merge");
      out.rows.push_back(std::move(r));
    }
  }
  rank_sweep(out.rows, rank);
  return out;
}

std::string sweep_text(const SweepTable& t, std::size_t max_rows) {
  std::vector<std::string> head = {"rank"};
  head.insert(head.end(), t.keys.begin(), t.keys.end());
  for (const char* c : {"trades", "return", "sharpe", "drawdown", "win rate", "final equity"}) head.emplace_back(c);
  if (t.split)
    for (const char* c : {"oos trades", "oos return", "oos sharpe", "oos drawdown"}) head.emplace_back(c);
  std::vector<std::vector<std::string>> rows = {head};
  for (std::size_t i = 0; i < t.rows.size() && i < max_rows; ++i) {
    const SweepRow& r = t.rows[i];
    std::vector<std::string> cells = {std::to_string(i + 1)};
    cells.insert(cells.end(), r.values.begin(), r.values.end());
    const SweepMetrics& m = r.in_sample;
    for (const std::string& c :
         {std::to_string(m.trades), hundredths_text(m.return_pct) + "%", hundredths_text(m.sharpe),
          hundredths_text(m.drawdown_pct) + "%", hundredths_text(m.win_rate_pct) + "%", report_money(m.final_equity)})
      cells.push_back(c);
    if (t.split) {
      const SweepMetrics o = r.out_of_sample.value_or(SweepMetrics{});
      for (const std::string& c : {std::to_string(o.trades), hundredths_text(o.return_pct) + "%",
                                   hundredths_text(o.sharpe), hundredths_text(o.drawdown_pct) + "%"})
        cells.push_back(c);
    }
    rows.push_back(std::move(cells));
  }
  std::vector<std::size_t> widths(head.size(), 0);
  for (const auto& r : rows)
    for (std::size_t c = 0; c < r.size(); ++c) widths[c] = std::max(widths[c], r[c].size());
  std::string out;
  for (const auto& r : rows) {
    for (std::size_t c = 0; c < r.size(); ++c)
      out += (c == 0 ? "" : "  ") + std::string(widths[c] - r[c].size(), ' ') + r[c];
    out += "\n";
  }
  if (t.rows.size() > max_rows) out += "(" + std::to_string(t.rows.size() - max_rows) + " more rows in sweep.csv)\n";
  return out;
}

}  // namespace stonks
