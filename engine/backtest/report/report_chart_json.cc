#include "backtest/report/report_chart_json.h"

#include <algorithm>
#include <string>

#include "json/json_object_reader.h"
#include "json/json_values.h"

namespace stonks {

std::vector<PriceChart> price_charts(const std::vector<PriceCandles>& prices, const ChunkedVector<Fill>& fills) {
  std::vector<PriceChart> out;
  for (std::size_t i = 0; i < std::min(prices.size(), kReportMaxPricePanels); ++i) {
    const PriceCandles& p = prices[i];
    PriceChart c{p.symbol, p.series.length(), p.series.candles(), {}};
    if (!c.candles.empty())
      for (const Fill& f : fills)
        if (const Timestamp at = p.fill_time(f.at); f.symbol == p.symbol && at >= c.candles.front().start)
          c.fills.push_back({at, f.price, f.side});
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<PriceChart> price_charts(const BacktestRunner& runner) {
  return price_charts(runner.candles().candles(), runner.state().fills);
}

nlohmann::json price_charts_json(const std::vector<PriceChart>& charts) {
  nlohmann::json out = nlohmann::json::array();
  for (const PriceChart& c : charts) {
    nlohmann::json candles = nlohmann::json::array(), fills = nlohmann::json::array();
    for (const Candle& k : c.candles)
      candles.push_back({{"start", to_json(k.start)},
                         {"open", to_json(k.open)},
                         {"high", to_json(k.high)},
                         {"low", to_json(k.low)},
                         {"close", to_json(k.close)}});
    for (const ChartFill& f : c.fills)
      fills.push_back({{"at", to_json(f.at)}, {"price", to_json(f.price)}, {"side", to_string(f.side)}});
    out.push_back({{"symbol", c.symbol.str()},
                   {"candle_seconds", std::chrono::duration_cast<std::chrono::seconds>(c.candle_length).count()},
                   {"candles", std::move(candles)},
                   {"fills", std::move(fills)}});
  }
  return out;
}

namespace {

// Reads every element of the array at `key` with read(JsonObjectReader&, T&).
template <class T, class ReadFn>
void read_list(JsonObjectReader& r, std::string_view key, std::vector<T>& out, ReadFn read) {
  const nlohmann::json* list = r.required_value(key);
  if (!list) return;
  if (!list->is_array()) return r.fail(key, "must be an array");
  for (std::size_t i = 0; i < list->size() && r.ok(); ++i) {
    JsonObjectReader item((*list)[i], std::string(key) + "[" + std::to_string(i) + "]");
    T value{};
    read(item, value);
    if (Status st = item.finish(); !st.is_ok()) return r.adopt(st);  // prefixed with r's path
    out.push_back(std::move(value));
  }
}

}  // namespace

Result<std::vector<PriceChart>> parse_price_charts(const nlohmann::json& value) {
  if (!value.is_array()) return Status::invalid_argument("must be an array", "price_charts");
  std::vector<PriceChart> out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    JsonObjectReader r(value[i], "price_charts[" + std::to_string(i) + "]");
    PriceChart c;
    std::int64_t seconds = 0;
    r.required_symbol("symbol", c.symbol);
    r.required_int("candle_seconds", seconds);
    if (r.ok() && seconds <= 0) r.fail("candle_seconds", "must be positive");
    c.candle_length = std::chrono::seconds(seconds);
    std::vector<Candle> candles;
    read_list(r, "candles", candles, [](JsonObjectReader& k, Candle& out) {
      k.required_timestamp("start", out.start);
      k.required_decimal("open", out.open);
      k.required_decimal("high", out.high);
      k.required_decimal("low", out.low);
      k.required_decimal("close", out.close);
    });
    c.candles.assign(candles.begin(), candles.end());
    read_list(r, "fills", c.fills, [](JsonObjectReader& f, ChartFill& out) {
      f.required_timestamp("at", out.at);
      f.required_decimal("price", out.price);
      f.required_enum("side", out.side);
    });
    if (Status st = r.finish(); !st.is_ok()) return st;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace stonks
