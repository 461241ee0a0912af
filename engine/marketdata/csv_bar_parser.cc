#include "marketdata/csv_bar_parser.h"

#include <utility>

namespace stonks {
namespace {

using fixed_point::kDecimals;
using fixed_point::kScale;

// Whole parts up to this many digits are below 10^18 micros: no overflow, so
// Price::parse's range checks are needed only for longer ones.
constexpr std::size_t kFastWholeDigits = 12;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return s;
}

// Calls each(index, field) on the first `count` fields of a line, trimmed,
// and returns how many there were. A comma inside double quotes is part of
// the field ("Apple, Inc."), as spreadsheets write it; the quotes are trimmed
// off afterwards. Rows stop at the last column a bar needs: the rest is
// never read.
template <typename Each>
std::size_t for_each_field(std::string_view line, std::size_t count, Each&& each) {
  std::size_t start = 0, index = 0;
  bool quoted = false;
  for (std::size_t i = 0; index < count; ++i) {
    while (i < line.size() && line[i] != ',' && line[i] != '"') ++i;
    if (i < line.size() && line[i] == '"') {
      quoted = !quoted;
      continue;
    }
    if (i < line.size() && quoted) continue;  // a comma inside quotes
    each(index++, trim(line.substr(start, i - start)));
    if (i == line.size()) break;
    start = i + 1;
  }
  return index;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Reads a plain unsigned decimal, so each refusal gets its own reason
// (Price::parse also takes signs and exponents, which no bar file writes).
Result<Price> read_price(std::string_view text, const char* column) {
  auto refuse = [&](const std::string& why) { return Status::invalid_argument(column + why, column); };
  if (text.empty()) return refuse(" is empty");
  const bool negative = text.front() == '-';
  const std::string_view body = negative ? text.substr(1) : text;
  std::size_t i = 0;
  std::uint64_t whole = 0;  // wraps past kFastWholeDigits, and is then not used
  for (; i < body.size() && is_digit(body[i]); ++i) whole = whole * 10 + static_cast<std::uint64_t>(body[i] - '0');
  const std::size_t whole_digits = i;
  std::string_view frac;
  bool number = whole_digits > 0;
  if (i < body.size()) {
    if (body[i] != '.') {
      number = false;
    } else {
      const std::size_t start = ++i;
      while (i < body.size() && is_digit(body[i])) ++i;
      frac = body.substr(start, i - start);
      number = number && !frac.empty() && i == body.size();
    }
  }
  if (!number) return refuse(" is not a number: '" + std::string(text.substr(0, 40)) + "'");
  if (negative) return refuse(" is negative");
  while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);  // trailing zeros are exact
  if (frac.size() > kDecimals) return refuse(" has more than 6 decimals");
  std::int64_t micros = 0;
  if (whole_digits <= kFastWholeDigits) {
    constexpr std::int64_t kPow10[] = {1, 10, 100, 1'000, 10'000, 100'000, 1'000'000};
    std::int64_t fraction = 0;
    for (char c : frac) fraction = fraction * 10 + (c - '0');
    micros = static_cast<std::int64_t>(whole) * kScale + fraction * kPow10[kDecimals - frac.size()];
  } else {
    Result<Price> p = Price::parse(body);
    if (!p.is_ok()) return refuse(" is out of range");
    micros = p->micros();
  }
  if (micros == 0) return refuse(" is zero");
  return Price::from_micros(micros);
}

}  // namespace

CsvBarParser::CsvBarParser(CsvBarOptions options) : options_(std::move(options)) {}

Status CsvBarParser::fail(std::string reason, std::string column) {
  error_ = CsvError{line_no_, std::move(reason), std::move(column)};
  return Status::invalid_argument("line " + std::to_string(error_.line) + ": " + error_.reason, error_.column);
}

Status CsvBarParser::feed(std::string_view chunk, std::vector<Bar>& out) {
  if (failed())
    return Status::invalid_argument("line " + std::to_string(error_.line) + ": " + error_.reason, error_.column);
  while (!chunk.empty()) {
    std::size_t nl = chunk.find('\n');
    if (nl == std::string_view::npos) {
      if (partial_.size() + chunk.size() > kMaxLineLength) {
        ++line_no_;
        return fail("line longer than 4096 bytes");
      }
      partial_.append(chunk);
      return Status::ok();
    }
    Status st;
    if (partial_.empty()) {
      st = line(chunk.substr(0, nl), out);
    } else {
      partial_.append(chunk.substr(0, nl));
      st = line(partial_, out);
      partial_.clear();  // keeps its buffer for the next line that spans chunks
    }
    if (!st.is_ok()) return st;
    chunk.remove_prefix(nl + 1);
  }
  return Status::ok();
}

Status CsvBarParser::finish(std::vector<Bar>& out) {
  if (!partial_.empty() && !failed()) {
    Status st = line(partial_, out);
    partial_.clear();
    if (!st.is_ok()) return st;
  }
  if (failed()) return feed({}, out);
  if (!have_header_) {
    line_no_ = 1;
    return fail("no header row");
  }
  return Status::ok();
}

Status CsvBarParser::line(std::string_view text, std::vector<Bar>& out) {
  ++line_no_;
  if (text.size() > kMaxLineLength) return fail("line longer than 4096 bytes");
  if (line_no_ == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte order mark
  if (trim(text).empty()) return Status::ok();
  return have_header_ ? row(text, out) : header(text);
}

Status CsvBarParser::header(std::string_view text) {
  std::vector<std::string_view> fields;
  for_each_field(text, text.size() + 1, [&](std::size_t, std::string_view field) { fields.push_back(field); });
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string name = lower(fields[i]);
    int* slot = nullptr;
    if (name == "date" || name == "datetime" || name == "timestamp")
      slot = &cols_.date;
    else if (name == "time")
      slot = &cols_.time;
    else if (name == "open")
      slot = &cols_.open;
    else if (name == "high")
      slot = &cols_.high;
    else if (name == "low")
      slot = &cols_.low;
    else if (name == "close")
      slot = &cols_.close;
    else if (name == "volume")
      slot = &cols_.volume;
    else if (name == "symbol" || name == "ticker")
      slot = &cols_.symbol;
    if (slot == nullptr) continue;  // Adj Close and other extras
    if (*slot != -1) return fail("column '" + std::string(fields[i]) + "' appears twice", name);
    *slot = static_cast<int>(i);
  }
  const std::pair<int, const char*> required[] = {{cols_.date, "date"},   {cols_.open, "open"},
                                                  {cols_.high, "high"},   {cols_.low, "low"},
                                                  {cols_.close, "close"}, {cols_.volume, "volume"}};
  for (const auto& [index, name] : required)
    if (index == -1) return fail(std::string("no ") + name + " column", name);
  if (cols_.symbol == -1 && options_.symbol.empty()) return fail("no symbol column and no ticker given", "symbol");
  const std::pair<int, std::string_view Fields::*> targets[] = {
      {cols_.date, &Fields::date},     {cols_.time, &Fields::time},    {cols_.open, &Fields::open},
      {cols_.high, &Fields::high},     {cols_.low, &Fields::low},      {cols_.close, &Fields::close},
      {cols_.volume, &Fields::volume}, {cols_.symbol, &Fields::symbol}};
  for (const auto& [index, field] : targets) {
    if (index < 0) continue;
    if (targets_.size() <= static_cast<std::size_t>(index)) targets_.resize(index + 1, nullptr);
    targets_[index] = field;
  }
  have_header_ = true;
  return Status::ok();
}

Status CsvBarParser::row(std::string_view text, std::vector<Bar>& out) {
  Fields& f = fields_;
  std::size_t i = for_each_field(text, targets_.size(), [&](std::size_t column, std::string_view field) {
    if (targets_[column] != nullptr) f.*targets_[column] = field;
  });
  for (; i < targets_.size(); ++i)  // a short row: its missing columns are empty
    if (targets_[i] != nullptr) f.*targets_[i] = {};
  Bar bar;
  if (cols_.symbol >= 0) {
    Result<Symbol> s = Symbol::parse(f.symbol);
    if (!s.is_ok()) return fail("symbol is not a ticker: '" + std::string(f.symbol.substr(0, 20)) + "'", "symbol");
    bar.symbol = *s;
  } else {
    bar.symbol = options_.symbol;
  }
  std::string_view when = f.date;
  if (cols_.time >= 0) {
    when_.assign(f.date);
    when_ += ' ';
    when_ += f.time;
    when = when_;
  }
  Result<CsvTime> t = times_.read(when);
  if (!t.is_ok()) return fail("not a date or time: '" + std::string(when.substr(0, 40)) + "'", "date");
  if (t->date_only)
    bar.at = t->at + std::chrono::hours(24);
  else
    bar.at = t->at + options_.bar_length;
  const std::pair<std::string_view, Price*> prices[] = {
      {f.open, &bar.open}, {f.high, &bar.high}, {f.low, &bar.low}, {f.close, &bar.close}};
  const char* names[] = {"open", "high", "low", "close"};
  for (int k = 0; k < 4; ++k) {
    Result<Price> p = read_price(prices[k].first, names[k]);
    if (!p.is_ok()) return fail(p.status().message(), p.status().field());
    *prices[k].second = *p;
  }
  std::string_view vol = f.volume;
  bar.volume = 0;
  bool vol_ok = !vol.empty() && vol.size() <= 18;
  for (char c : vol) {
    if (!is_digit(c)) vol_ok = false;
    if (vol_ok) bar.volume = bar.volume * 10 + (c - '0');
  }
  if (!vol_ok) return fail("volume is not a whole number: '" + std::string(vol.substr(0, 40)) + "'", "volume");
  if (Status st = validate(bar); !st.is_ok()) return fail(st.message(), st.field());
  auto [it, first] = last_at_.try_emplace(bar.symbol, bar.at);
  if (!first) {
    if (bar.at == it->second)
      return fail("duplicate timestamp " + format_iso8601(bar.at) + " for " + bar.symbol.str(), "date");
    if (bar.at < it->second) return fail("time goes backwards for " + bar.symbol.str(), "date");
    it->second = bar.at;
  }
  out.push_back(bar);
  return Status::ok();
}

Result<std::vector<Bar>> import_csv_bars(std::string_view text, const CsvBarOptions& options) {
  CsvBarParser parser(options);
  std::vector<Bar> bars;
  if (Status st = parser.feed(text, bars); !st.is_ok()) return st;
  if (Status st = parser.finish(bars); !st.is_ok()) return st;
  return bars;
}

}  // namespace stonks
