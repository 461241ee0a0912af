// Properties of the CSV bar import where its fast paths could part from the
// plain rules: a text fed in chunks of any size reads as it does whole, the
// time reader (which keeps the last date) agrees with parse_iso8601, and a
// price reads as Price::parse reads it.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <string>
#include <vector>

#include "marketdata/csv_bar_parser.h"
#include "marketdata/csv_time.h"

namespace stonks {
namespace {

std::string two_digits(int v) { return std::string(1, static_cast<char>('0' + v / 10)) + char('0' + v % 10); }

// `good`, or in a flawed text now and then one of a few the import refuses.
rc::Gen<std::string> mostly(bool flawed, std::string good, std::vector<std::string> bad) {
  if (!flawed) return rc::gen::just(std::move(good));
  return rc::gen::weightedOneOf<std::string>({{12, rc::gen::just(std::move(good))}, {1, rc::gen::elementOf(bad)}});
}

// One row of a Symbol,Datetime,Open,High,Low,Close,Adj Close,Volume file (or
// Date,Time,... without the symbol) at `minute`, with spaces and quotes here
// and there, and in a flawed text refused fields.
std::string row(bool symbol_column, bool flawed, int minute) {
  const int day = 1 + minute / 1440 % 28, hour = minute / 60 % 24, min = minute % 60;
  const std::string date = "2024-03-" + two_digits(day);
  const std::string clock =
      two_digits(hour) + ":" + two_digits(min) + *rc::gen::element<std::string>(":00", "", ":30.25");
  const int low = *rc::gen::inRange(1, 500);
  const std::string lo = std::to_string(low) + *rc::gen::element<std::string>("", ".5", ".000001", ".10");
  const std::string hi = std::to_string(low + *rc::gen::inRange(1, 50)) + *rc::gen::element<std::string>("", ".99");
  const std::string mid = std::to_string(low + 1);
  std::vector<std::string> fields;
  if (symbol_column) {
    fields.push_back(*mostly(flawed, *rc::gen::element<std::string>("AAA", "BB.C", "\"X\""), {"aaa", "", "A..B"}));
    fields.push_back(*mostly(flawed,
                             date + *rc::gen::element<std::string>("T", " ") + clock +
                                 *rc::gen::element<std::string>("Z", "", flawed ? "+01:00" : "Z"),
                             {"2024-02-30T10:00:00Z", "2024-03-01T24:00:00Z", "2024-03-01T10:00:00.1234567Z"}));
  } else {
    fields.push_back(*mostly(flawed, date, {"2024-13-01", "20240301"}));
    fields.push_back(*mostly(flawed, clock, {"10:60", "9:30"}));
  }
  fields.push_back(*mostly(flawed, mid, {"abc", "-1", "0", "1.2345678", "99999999999999999999"}));
  fields.push_back(*mostly(flawed, hi, {"", " 1,5", "12345678901234.5"}));
  fields.push_back(*mostly(flawed, lo, {"9223372036854.775808", "5.", ".5"}));
  fields.push_back(*mostly(flawed, mid + *rc::gen::element<std::string>("", " ", "\t\r"), {"1e3", "+2"}));
  if (symbol_column) fields.push_back("\"1,234.5\"");  // Adj Close: ignored, a quoted comma inside
  fields.push_back(
      *mostly(flawed, std::to_string(*rc::gen::inRange(0, 1'000'000)), {"1.5", "-3", "1234567890123456789"}));
  if (flawed && *rc::gen::weightedOneOf<bool>({{15, rc::gen::just(false)}, {1, rc::gen::just(true)}}))
    fields.pop_back();
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) line += (i == 0 ? "" : ",") + fields[i];
  return line;
}

// A header and up to 60 rows: times rising, blank lines, CRLF, a byte order
// mark, maybe no final newline; a flawed text also has refused fields, times
// repeated or going back, and lines longer than the parser holds.
rc::Gen<std::string> genCsvText(bool symbol_column) {
  return rc::gen::exec([symbol_column] {
    const bool flawed = *rc::gen::arbitrary<bool>();
    const std::string eol = *rc::gen::element<std::string>("\n", "\r\n");
    std::string text = *rc::gen::element<std::string>("", "", "\xEF\xBB\xBF");
    text +=
        symbol_column ? "Symbol,Datetime,Open,High,Low,Close,Adj Close,Volume" : "Date,Time,Open,High,Low,Close,Volume";
    text += eol;
    const int rows = *rc::gen::inRange(0, 60);
    int minute = *rc::gen::inRange(0, 1440);
    for (int r = 0; r < rows; ++r) {
      minute += flawed ? *rc::gen::weightedOneOf<int>({{20, rc::gen::inRange(1, 120)}, {1, rc::gen::inRange(-1, 1)}})
                       : *rc::gen::inRange(1, 120);
      const int long_lines = flawed ? 1 : 0;
      text += *rc::gen::weightedOneOf<std::string>(
          {{30, rc::gen::just(row(symbol_column, flawed, minute))},
           {2, rc::gen::element<std::string>("", " \t")},
           {long_lines, rc::gen::just(std::string(CsvBarParser::kMaxLineLength + *rc::gen::inRange(-1, 2), '1'))}});
      if (r + 1 < rows || *rc::gen::arbitrary<bool>()) text += eol;
    }
    return text;
  });
}

struct Parsed {
  std::vector<Bar> bars;
  Status status;
  CsvError error;
};

// Feeds `text` in pieces of the given sizes (cycled), then finishes.
Parsed parse_in_pieces(std::string_view text, const CsvBarOptions& options, const std::vector<std::size_t>& sizes) {
  CsvBarParser parser(options);
  Parsed p;
  for (std::size_t at = 0, k = 0; at < text.size() && p.status.is_ok(); ++k) {
    const std::size_t n = sizes.empty() ? text.size() : sizes[k % sizes.size()];
    p.status = parser.feed(text.substr(at, n), p.bars);
    at += n;
  }
  if (p.status.is_ok()) p.status = parser.finish(p.bars);
  p.error = parser.error();
  return p;
}

RC_GTEST_PROP(CsvBarParserProperties, ATextFedInChunksOfAnySizeReadsAsItDoesWhole, ()) {
  const bool symbol_column = *rc::gen::arbitrary<bool>();
  const std::string text = *genCsvText(symbol_column);
  const auto sizes =
      *rc::gen::nonEmpty(rc::gen::container<std::vector<std::size_t>>(rc::gen::weightedOneOf<std::size_t>(
          {{4, rc::gen::inRange<std::size_t>(1, 80)}, {1, rc::gen::inRange<std::size_t>(80, 5000)}})));
  CsvBarOptions options;
  if (!symbol_column) options.symbol = *Symbol::parse("DEF");
  options.bar_length = std::chrono::minutes(*rc::gen::element(0, 1));

  const Parsed whole = parse_in_pieces(text, options, {});
  const Parsed chunked = parse_in_pieces(text, options, sizes);
  RC_CLASSIFY(whole.status.is_ok(), "accepted");
  RC_CLASSIFY(whole.bars.size() > 10, "more than 10 bars read");
  RC_ASSERT(chunked.bars == whole.bars);
  RC_ASSERT(chunked.error == whole.error);
  RC_ASSERT(chunked.status.message() == whole.status.message());
  RC_ASSERT(chunked.status.field() == whole.status.field());
}

// "YYYY-MM-DDTHH:MM:SS[.f...]Z" with every field now and then just out of
// range (day 29-31 of February, hour 24, second 60, seven fraction digits).
rc::Gen<std::string> genStrictTime() {
  return rc::gen::exec([] {
    std::string s = std::to_string(*rc::gen::element(1900, 2000, 2023, 2024, 2100, 9999)) + "-" +
                    two_digits(*rc::gen::inRange(0, 14)) + "-" + two_digits(*rc::gen::inRange(0, 33)) + "T" +
                    two_digits(*rc::gen::inRange(0, 26)) + ":" + two_digits(*rc::gen::inRange(0, 61)) + ":" +
                    two_digits(*rc::gen::inRange(0, 61));
    const int fraction = *rc::gen::inRange(-1, 8);  // -1: none
    if (fraction >= 0) s += "." + std::string(static_cast<std::size_t>(fraction), '7');
    return s + "Z";
  });
}

RC_GTEST_PROP(CsvBarParserProperties, TheTimeReaderAgreesWithParseIso8601OnItsStrictForm, ()) {
  // One reader for them all: its remembered date must never leak into the next.
  CsvTimeReader reader;
  for (const std::string& s : *rc::gen::container<std::vector<std::string>>(genStrictTime())) {
    const Result<Timestamp> strict = parse_iso8601(s);
    const Result<CsvTime> csv = reader.read(s);
    RC_ASSERT(csv.is_ok() == strict.is_ok());
    if (strict.is_ok()) RC_ASSERT(csv->at == *strict);
  }
}

// Digits with maybe a point and more digits: up to 20 before it (past what
// int64 micros hold) and up to 9 after (past the six a price keeps).
rc::Gen<std::string> genDecimal() {
  return rc::gen::exec([] {
    auto digits = [](int n) {
      std::string s;
      for (int i = 0; i < n; ++i) s += static_cast<char>('0' + *rc::gen::inRange(0, 10));
      return s;
    };
    std::string s = digits(*rc::gen::inRange(1, 21));
    if (*rc::gen::arbitrary<bool>()) s += "." + digits(*rc::gen::inRange(1, 10));
    return s;
  });
}

RC_GTEST_PROP(CsvBarParserProperties, APriceReadsAsPriceParseReadsIt, ()) {
  const std::string price = *genDecimal();
  const Result<Price> expected = Price::parse(price);
  const Result<std::vector<Bar>> bars = import_csv_bars(
      "Date,Open,High,Low,Close,Volume\n2024-01-02," + price + "," + price + "," + price + "," + price + ",1\n",
      CsvBarOptions{*Symbol::parse("ABC"), Duration(0)});
  RC_CLASSIFY(!expected.is_ok(), "refused by Price::parse");
  RC_ASSERT(bars.is_ok() == (expected.is_ok() && expected->micros() > 0));
  if (bars.is_ok()) RC_ASSERT((*bars)[0].open == *expected);
}

}  // namespace
}  // namespace stonks
