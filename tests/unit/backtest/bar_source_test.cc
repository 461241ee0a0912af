// Bar sources: a CSV text pulled a chunk at a time gives the bars that
// reading it whole gives; merged sources come out in replay order; a part
// out of order, or a bad row, stops the replay naming it.
#include "backtest/bars/bar_source.h"

#include <gtest/gtest.h>

#include "backtest/bars/csv_bar_source.h"
#include "backtest/bars/merged_bar_source.h"
#include "scripted_strategy.h"

namespace stonks::testing {
namespace {

constexpr std::string_view kIbm =
    "Date,Open,High,Low,Close,Volume\n"
    "2026-01-05,10,11,9,10,100\n"
    "2026-01-06,10,12,9,11,100\n"
    "2026-01-07,11,12,10,12,100\n"
    "2026-01-08,12,13,11,12,100\n";

// `text` handed out `size` bytes at a time.
CsvBarSource::ChunkReader chunks_of(std::string_view text, std::size_t size) {
  return [text, size, at = std::size_t{0}]() mutable -> Result<std::string_view> {
    const std::string_view chunk = text.substr(std::min(at, text.size()), size);
    at += chunk.size();
    return chunk;
  };
}

std::vector<Bar> drain(BarSource& source) {
  std::vector<Bar> out;
  for (Bar b;;) {
    Result<bool> got = source.next(b);
    EXPECT_TRUE(got.is_ok()) << got.status().to_string();
    if (!got.is_ok() || !*got) return out;
    out.push_back(b);
  }
}

TEST(CsvBarSourceTest, PullsTheBarsThatReadingTheTextWholeGives) {
  const CsvBarOptions options{sym("IBM"), Duration{0}};
  const std::vector<Bar> whole = import_csv_bars(kIbm, options).value();
  for (std::size_t size : {1u, 7u, 64u, 4096u}) {
    CsvBarSource source(options, chunks_of(kIbm, size));
    ASSERT_TRUE(source.read_header().is_ok());
    EXPECT_FALSE(source.has_symbol_column());
    EXPECT_EQ(drain(source), whole) << "chunks of " << size;
    Bar b;
    EXPECT_FALSE(*source.next(b)) << "and stays at its end";
  }
}

TEST(CsvBarSourceTest, ABadRowStopsItNamingTheFileLineAndColumn) {
  const std::string text = std::string(kIbm) + "2026-01-09,12,11,13,12,100\n";  // high below low
  CsvBarSource source(CsvBarOptions{sym("IBM"), Duration{0}}, chunks_of(text, 16), "data/ibm.csv");
  Bar b;
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(*source.next(b));
  Result<bool> bad = source.next(b);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().message().rfind("data/ibm.csv:6: ", 0), 0u) << bad.status().message();
  EXPECT_FALSE(source.next(b).is_ok()) << "every later call fails the same way";
}

TEST(CsvBarSourceTest, SaysWhenRowsNameTheirSymbol) {
  const std::string text = "Symbol,Date,Open,High,Low,Close,Volume\nIBM,2026-01-05,10,11,9,10,100\n";
  CsvBarSource source(CsvBarOptions{}, chunks_of(text, 8));
  ASSERT_TRUE(source.read_header().is_ok());
  EXPECT_TRUE(source.has_symbol_column());
}

TEST(MergedBarSourceTest, GivesThePartsBarsInReplayOrder) {
  std::vector<std::unique_ptr<BarSource>> parts;
  parts.push_back(std::make_unique<VectorBarSource>(std::vector<Bar>{daily_bar("MSFT", 1, "1", "1", "1", "1"),
                                                                     daily_bar("MSFT", 2, "1", "1", "1", "1"),
                                                                     daily_bar("MSFT", 4, "1", "1", "1", "1")}));
  parts.push_back(std::make_unique<VectorBarSource>(
      std::vector<Bar>{daily_bar("AAPL", 2, "1", "1", "1", "1"), daily_bar("AAPL", 3, "1", "1", "1", "1")}));
  MergedBarSource merged(std::move(parts));
  EXPECT_EQ(merged.total(), 5u);
  std::vector<std::pair<std::string, Timestamp>> order;
  for (const Bar& b : drain(merged)) order.emplace_back(b.symbol.str(), b.at);
  const std::vector<std::pair<std::string, Timestamp>> expected = {
      {"MSFT", day_end(1)}, {"AAPL", day_end(2)}, {"MSFT", day_end(2)}, {"AAPL", day_end(3)}, {"MSFT", day_end(4)}};
  EXPECT_EQ(order, expected);
}

// A part whose bars go back in time (not a source this repository builds
// for a merge, but one a caller could): refused, not silently misordered.
class Reversed final : public BarSource {
 public:
  Result<bool> next(Bar& out) override {
    if (day_ == 0) return false;
    out = daily_bar("IBM", day_--, "1", "1", "1", "1");
    return true;
  }
  std::optional<std::size_t> total() const override { return std::nullopt; }

 private:
  int day_ = 3;
};

TEST(MergedBarSourceTest, RefusesAPartOutOfOrder) {
  std::vector<std::unique_ptr<BarSource>> parts;
  parts.push_back(std::make_unique<Reversed>());
  MergedBarSource merged(std::move(parts));
  EXPECT_EQ(merged.total(), std::nullopt);
  Bar b;
  Result<bool> got = merged.next(b);
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().field(), "bars");
  EXPECT_NE(got.status().message().find("not in time order"), std::string::npos);
}

}  // namespace
}  // namespace stonks::testing
