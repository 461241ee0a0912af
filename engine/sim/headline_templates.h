// The news generator's headlines: templates with a severity range each, and
// how one is filled in for a ticker.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sim/ticker_universe.h"

namespace stonks {

struct HeadlineTemplate {
  // "{company}" and "{ticker}" name the ticker; "{n}" is a number 2-30 (a
  // quarter 1-4 after "Q").
  std::string_view text;
  int min_severity;  // 0-100, inclusive range
  int max_severity;
  std::optional<Sector> sector;  // only for tickers of this sector; none: any
};

std::span<const HeadlineTemplate> headline_templates();

// `t.text` with its placeholders filled in for `ticker`; `number` fills "{n}".
std::string fill_headline(const HeadlineTemplate& t, const TickerSpec& ticker, int number);

}  // namespace stonks
