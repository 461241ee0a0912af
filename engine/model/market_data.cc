#include "model/market_data.h"

#include "model/text.h"

namespace stonks {

Status validate(const Quote& q) {
  if (q.symbol.empty()) return Status::invalid_argument("ticker is required", "ticker");
  if (q.bid.micros() <= 0) return Status::invalid_argument("bid must be positive", "bid");
  if (q.ask.micros() <= 0) return Status::invalid_argument("ask must be positive", "ask");
  if (q.bid > q.ask) return Status::invalid_argument("bid above ask", "bid");
  if (q.bid_size < 0) return Status::invalid_argument("bid size must not be negative", "bid_size");
  if (q.ask_size < 0) return Status::invalid_argument("ask size must not be negative", "ask_size");
  return Status::ok();
}

Status validate(const Bar& b) {
  if (b.symbol.empty()) return Status::invalid_argument("ticker is required", "ticker");
  if (b.low.micros() <= 0) return Status::invalid_argument("prices must be positive", "low");
  if (b.high < b.low) return Status::invalid_argument("high below low", "high");
  if (b.open < b.low || b.open > b.high) return Status::invalid_argument("open outside high/low", "open");
  if (b.close < b.low || b.close > b.high) return Status::invalid_argument("close outside high/low", "close");
  if (b.volume < 0) return Status::invalid_argument("volume must not be negative", "volume");
  if (!in_iso8601_range(b.at)) return Status::invalid_argument("time outside years 0000-9999", "at");
  return Status::ok();
}

Status validate(const NewsEvent& n) {
  if (n.symbol.empty()) return Status::invalid_argument("ticker is required", "ticker");
  if (n.severity < 0 || n.severity > NewsEvent::kMaxSeverity)
    return Status::invalid_argument("severity must be 0-100", "severity");
  if (n.headline.empty()) return Status::invalid_argument("headline is required", "headline");
  if (Status st = check_text(n.headline, NewsEvent::kMaxHeadlineLength, "headline"); !st.is_ok()) return st;
  return Status::ok();
}

}  // namespace stonks
