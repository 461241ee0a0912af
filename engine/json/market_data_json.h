// JSON shapes of Quote, Bar and NewsEvent (journal events, POST /api/news).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "model/market_data.h"
#include "model/status.h"

namespace stonks {

// Strict readers: unknown fields, wrong types and malformed values are refused
// with the field's path; shape only (call validate() for the ranges). `path`
// prefixes field names in errors.

// {"ticker","bid","ask","bid_size","ask_size","at"}; the sizes default to 0.
nlohmann::json to_json(const Quote& quote);
Result<Quote> quote_from_json(const nlohmann::json& value, std::string_view path = {});
// The same without "at" (refused if present): what a host posts to
// POST /api/quotes, stamped by the engine.
Result<Quote> posted_quote_from_json(const nlohmann::json& value);

// {"ticker","open","high","low","close","volume","at"}, all required.
nlohmann::json to_json(const Bar& bar);
Result<Bar> bar_from_json(const nlohmann::json& value, std::string_view path = {});

// {"ticker","headline","severity","at"}, all required.
nlohmann::json to_json(const NewsEvent& news);
Result<NewsEvent> news_event_from_json(const nlohmann::json& value, std::string_view path = {});
// The same without "at": POST /api/news.
Result<NewsEvent> posted_news_from_json(const nlohmann::json& value);

}  // namespace stonks
