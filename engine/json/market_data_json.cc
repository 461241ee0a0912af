#include "json/market_data_json.h"

#include "json/json_object_reader.h"
#include "json/json_values.h"

namespace stonks {
namespace {

// Whether the shape carries its "at": journal events do, posted input does not.
enum class WithTime { kYes, kNo };

Result<Quote> read_quote(const nlohmann::json& value, std::string_view path, WithTime with_time) {
  JsonObjectReader r(value, std::string(path));
  Quote quote;
  r.required_symbol("ticker", quote.symbol);
  r.required_decimal("bid", quote.bid);
  r.required_decimal("ask", quote.ask);
  r.optional_int("bid_size", quote.bid_size);
  r.optional_int("ask_size", quote.ask_size);
  if (with_time == WithTime::kYes) r.required_timestamp("at", quote.at);
  if (Status s = r.finish(); !s.is_ok()) return s;
  return quote;
}

Result<NewsEvent> read_news(const nlohmann::json& value, std::string_view path, WithTime with_time) {
  JsonObjectReader r(value, std::string(path));
  NewsEvent news;
  r.required_symbol("ticker", news.symbol);
  r.required_string("headline", news.headline);
  r.required_int("severity", news.severity);
  if (with_time == WithTime::kYes) r.required_timestamp("at", news.at);
  if (Status s = r.finish(); !s.is_ok()) return s;
  return news;
}

}  // namespace

Result<Quote> quote_from_json(const nlohmann::json& value, std::string_view path) {
  return read_quote(value, path, WithTime::kYes);
}
Result<Quote> posted_quote_from_json(const nlohmann::json& value) { return read_quote(value, {}, WithTime::kNo); }
Result<NewsEvent> news_event_from_json(const nlohmann::json& value, std::string_view path) {
  return read_news(value, path, WithTime::kYes);
}
Result<NewsEvent> posted_news_from_json(const nlohmann::json& value) { return read_news(value, {}, WithTime::kNo); }

nlohmann::json to_json(const Quote& quote) {
  nlohmann::json out = nlohmann::json::object();
  out["ticker"] = quote.symbol.str();
  out["bid"] = to_json(quote.bid);
  out["ask"] = to_json(quote.ask);
  out["bid_size"] = quote.bid_size;
  out["ask_size"] = quote.ask_size;
  out["at"] = to_json(quote.at);
  return out;
}

nlohmann::json to_json(const Bar& bar) {
  nlohmann::json out = nlohmann::json::object();
  out["ticker"] = bar.symbol.str();
  out["open"] = to_json(bar.open);
  out["high"] = to_json(bar.high);
  out["low"] = to_json(bar.low);
  out["close"] = to_json(bar.close);
  out["volume"] = bar.volume;
  out["at"] = to_json(bar.at);
  return out;
}

Result<Bar> bar_from_json(const nlohmann::json& value, std::string_view path) {
  JsonObjectReader r(value, std::string(path));
  Bar bar;
  r.required_symbol("ticker", bar.symbol);
  r.required_decimal("open", bar.open);
  r.required_decimal("high", bar.high);
  r.required_decimal("low", bar.low);
  r.required_decimal("close", bar.close);
  r.required_int("volume", bar.volume);
  r.required_timestamp("at", bar.at);
  if (Status s = r.finish(); !s.is_ok()) return s;
  return bar;
}

nlohmann::json to_json(const NewsEvent& news) {
  nlohmann::json out = nlohmann::json::object();
  out["ticker"] = news.symbol.str();
  out["headline"] = news.headline;
  out["severity"] = news.severity;
  out["at"] = to_json(news.at);
  return out;
}

}  // namespace stonks
