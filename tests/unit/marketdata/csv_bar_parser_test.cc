// CSV bar import: layouts, fixed-point prices, streaming and refused files.
#include "marketdata/csv_bar_parser.h"

#include <gtest/gtest.h>

namespace stonks {
namespace {

Symbol sym(const char* s) { return *Symbol::parse(s); }
Price px(const char* s) { return *Price::parse(s); }
Timestamp ts(const char* s) { return *parse_iso8601(s); }

CsvBarOptions ticker(const char* s) { return CsvBarOptions{sym(s), Duration(0)}; }

TEST(CsvBars, ReadsYahooDailyBarsEndingAtNextMidnight) {
  auto bars = import_csv_bars(
      "Date,Open,High,Low,Close,Adj Close,Volume\n"
      "2024-01-02,187.149994,188.440002,183.889999,185.639999,184.938217,82488700\n",
      ticker("AAPL"));
  ASSERT_TRUE(bars.is_ok()) << bars.status().to_string();
  ASSERT_EQ(bars->size(), 1u);
  const Bar& b = (*bars)[0];
  EXPECT_EQ(b.symbol, sym("AAPL"));
  EXPECT_EQ(b.open.micros(), 187'149'994);
  EXPECT_EQ(b.high.micros(), 188'440'002);
  EXPECT_EQ(b.low.micros(), 183'889'999);
  EXPECT_EQ(b.close.micros(), 185'639'999);  // Close, not Adj Close
  EXPECT_EQ(b.volume, 82'488'700);
  EXPECT_EQ(b.at, ts("2024-01-03T00:00:00Z"));
}

TEST(CsvBars, ReadsCaseInsensitiveHeadersSymbolColumnAndMixedTimeForms) {
  auto bars = import_csv_bars(
      "SYMBOL,datetime,OPEN,high,Low,close,Volume\r\n"
      "AAA,2024-01-02T14:30:00Z,10,11,9,10.5,100\r\n"
      "BBB,2024-01-02 14:30:00,20,21,19,20,5\r\n"
      "AAA,2024-01-02T10:31:00-04:00,10.5,10.5,10.5,10.5,0\r\n",
      {});
  ASSERT_TRUE(bars.is_ok()) << bars.status().to_string();
  ASSERT_EQ(bars->size(), 3u);
  EXPECT_EQ((*bars)[1].symbol, sym("BBB"));
  EXPECT_EQ((*bars)[1].at, ts("2024-01-02T14:30:00Z"));
  EXPECT_EQ((*bars)[2].at, ts("2024-01-02T14:31:00Z"));
  EXPECT_EQ((*bars)[0].close, px("10.5"));
}

TEST(CsvBars, JoinsSeparateDateAndTimeColumnsAndShiftsBarStartsByTheBarLength) {
  CsvBarOptions opt = ticker("XYZ");
  opt.bar_length = std::chrono::minutes(5);
  auto bars = import_csv_bars("Date,Time,Open,High,Low,Close,Volume\n2024-03-01,09:30,1,2,1,2,7\n", opt);
  ASSERT_TRUE(bars.is_ok()) << bars.status().to_string();
  EXPECT_EQ((*bars)[0].at, ts("2024-03-01T09:35:00Z"));
}

TEST(CsvBars, ReadsQuotedFieldsWithCommasInsideAndRefusesAQuotedThousandsSeparator) {
  // A spreadsheet export: every field quoted, a company name with a comma in an ignored column.
  auto bars = import_csv_bars(
      "\"Name\",\"Date\",\"Open\",\"High\",\"Low\",\"Close\",\"Volume\"\n"
      "\"Apple, Inc.\",\"2024-01-02\",\"187.15\",\"188.44\",\"183.89\",\"185.64\",\"82488700\"\n",
      ticker("AAPL"));
  ASSERT_TRUE(bars.is_ok()) << bars.status().to_string();
  ASSERT_EQ(bars->size(), 1u);
  EXPECT_EQ((*bars)[0].close, px("185.64"));
  EXPECT_EQ((*bars)[0].volume, 82'488'700);

  auto refused = import_csv_bars("Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,\"1,000\"\n", ticker("AAPL"));
  ASSERT_FALSE(refused.is_ok());
  EXPECT_NE(refused.status().message().find("line 2"), std::string::npos) << refused.status().to_string();
  EXPECT_EQ(refused.status().field(), "volume") << refused.status().to_string();
}

TEST(CsvBars, StreamsChunksSplitAnywhereToTheSameBars) {
  std::string text =
      "Date,Open,High,Low,Close,Volume\n"
      "2024-01-02,1.25,1.5,1,1.25,10\n"
      "2024-01-03,1.25,2,1.25,2,20\n"
      "2024-01-04,2,2,1.75,1.75,30";  // no final newline
  auto whole = import_csv_bars(text, ticker("ABC"));
  ASSERT_TRUE(whole.is_ok());
  for (std::size_t step = 1; step < 9; ++step) {
    CsvBarParser parser(ticker("ABC"));
    std::vector<Bar> bars;
    for (std::size_t i = 0; i < text.size(); i += step) ASSERT_TRUE(parser.feed(text.substr(i, step), bars).is_ok());
    ASSERT_TRUE(parser.finish(bars).is_ok());
    EXPECT_EQ(bars, *whole) << "chunk size " << step;
  }
  EXPECT_EQ(whole->size(), 3u);
}

TEST(CsvBars, RefusesEachBadRowWithItsLineNumberAndReasonAndImportsNothing) {
  const char* header = "Symbol,Date,Open,High,Low,Close,Volume\n";
  const char* good = "AAA,2024-01-02,10,11,9,10,100\n";  // line 2
  struct Case {
    const char* row;  // line 3
    const char* reason;
    const char* column;
  };
  const Case cases[] = {
      {"AAA,2024-01-03,abc,11,9,10,100", "open is not a number: 'abc'", "open"},
      {"AAA,2024-01-03,10,11,-9,10,100", "low is negative", "low"},
      {"AAA,2024-01-03,10,11,0,10,100", "low is zero", "low"},
      {"AAA,2024-01-03,10,9,11,10,100", "high below low", "high"},
      {"AAA,2024-01-03,12,11,9,10,100", "open outside high/low", "open"},
      {"AAA,2024-01-03,10,11,9,8,100", "close outside high/low", "close"},
      {"AAA,2024-01-01,10,11,9,10,100", "time goes backwards for AAA", "date"},
      {"AAA,2024-01-02,10,11,9,10,100", "duplicate timestamp 2024-01-03T00:00:00Z for AAA", "date"},
      {"AAA,2024-01-03,10.1234567,11,9,10,100", "open has more than 6 decimals", "open"},
      {"AAA,2024-01-03,10,11,9,10,1.5", "volume is not a whole number: '1.5'", "volume"},
      {"AAA,2024-13-03,10,11,9,10,100", "not a date or time: '2024-13-03'", "date"},
      {"aaa,2024-01-03,10,11,9,10,100", "symbol is not a ticker: 'aaa'", "symbol"},
  };
  for (const Case& c : cases) {
    std::string text = std::string(header) + good + c.row + "\n" + good;
    CsvBarParser parser;
    std::vector<Bar> bars;
    Status st = parser.feed(text, bars);
    ASSERT_FALSE(st.is_ok()) << c.row;
    EXPECT_EQ(parser.error(), (CsvError{3, c.reason, c.column})) << c.row;
    EXPECT_EQ(st.message(), std::string("line 3: ") + c.reason);
    EXPECT_FALSE(parser.finish(bars).is_ok());  // stays failed
    auto all = import_csv_bars(text, {});
    EXPECT_FALSE(all.is_ok()) << c.row;
  }
}

TEST(CsvBars, RefusesAFileWithoutItsColumnsOrATicker) {
  EXPECT_EQ(import_csv_bars("Date,Open,High,Low,Volume\n", ticker("A")).status().message(), "line 1: no close column");
  EXPECT_EQ(import_csv_bars("Date,Open,High,Low,Close,Volume\n", {}).status().message(),
            "line 1: no symbol column and no ticker given");
  EXPECT_EQ(import_csv_bars("", ticker("A")).status().message(), "line 1: no header row");
}

TEST(CsvBars, KeepsOnlyAPartialLineBetweenChunks) {
  CsvBarParser parser(ticker("A"));
  std::vector<Bar> bars;
  std::string big(CsvBarParser::kMaxLineLength + 1, '1');
  ASSERT_TRUE(parser.feed("Date,Open,High,Low,Close,Volume\n", bars).is_ok());
  Status st = parser.feed(big, bars);
  EXPECT_EQ(st.message(), "line 2: line longer than 4096 bytes");
}

}  // namespace
}  // namespace stonks
