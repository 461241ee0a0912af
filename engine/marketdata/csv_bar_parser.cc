#include "marketdata/csv_bar_parser.h"

#include <utility>

#include "marketdata/csv_time.h"

namespace stonks {
namespace {

constexpr int kMaxDecimals = 6;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return s;
}

// A comma inside double quotes is part of the field ("Apple, Inc."), as
// spreadsheets write it; the quotes are trimmed off afterwards.
std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  bool quoted = false;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] == '"') quoted = !quoted;
    if (i == line.size() || (line[i] == ',' && !quoted)) {
      fields.push_back(trim(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  return fields;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Checks the text is a plain unsigned decimal before Price::parse sees it, so
// each refusal gets its own reason (Price::parse also takes signs and
// exponents, which no bar file writes).
Result<Price> read_price(std::string_view text, const char* column) {
  std::string name(column);
  if (text.empty()) return Status::invalid_argument(name + " is empty", name);
  bool negative = text.front() == '-';
  std::string_view body = negative ? text.substr(1) : text;
  std::size_t point = body.find('.');
  std::string_view whole = body.substr(0, point);
  std::string_view frac = point == std::string_view::npos ? std::string_view() : body.substr(point + 1);
  auto all_digits = [](std::string_view s) {
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return !s.empty();
  };
  if (!all_digits(whole) || (point != std::string_view::npos && !all_digits(frac)))
    return Status::invalid_argument(name + " is not a number: '" + std::string(text.substr(0, 40)) + "'", name);
  if (negative) return Status::invalid_argument(name + " is negative", name);
  while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);  // trailing zeros are exact
  if (frac.size() > kMaxDecimals) return Status::invalid_argument(name + " has more than 6 decimals", name);
  Result<Price> p = Price::parse(body);
  if (!p.is_ok()) return Status::invalid_argument(name + " is out of range", name);
  if (p->micros() == 0) return Status::invalid_argument(name + " is zero", name);
  return *p;
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
      partial_.append(chunk);
      if (partial_.size() > kMaxLineLength) {
        ++line_no_;
        return fail("line longer than 4096 bytes");
      }
      return Status::ok();
    }
    Status st;
    if (partial_.empty()) {
      st = line(chunk.substr(0, nl), out);
    } else {
      partial_.append(chunk.substr(0, nl));
      std::string whole = std::move(partial_);
      partial_.clear();
      st = line(whole, out);
    }
    if (!st.is_ok()) return st;
    chunk.remove_prefix(nl + 1);
  }
  return Status::ok();
}

Status CsvBarParser::finish(std::vector<Bar>& out) {
  if (!partial_.empty()) {
    std::string last = std::move(partial_);
    partial_.clear();
    if (Status st = feed(last + "\n", out); !st.is_ok()) return st;
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
  std::vector<std::string_view> fields = split(text);
  return have_header_ ? row(fields, out) : header(fields);
}

Status CsvBarParser::header(const std::vector<std::string_view>& fields) {
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
  have_header_ = true;
  return Status::ok();
}

Status CsvBarParser::row(const std::vector<std::string_view>& f, std::vector<Bar>& out) {
  auto at = [&](int index) { return index >= 0 && static_cast<std::size_t>(index) < f.size() ? f[index] : ""; };
  Bar bar;
  if (cols_.symbol >= 0) {
    Result<Symbol> s = Symbol::parse(at(cols_.symbol));
    if (!s.is_ok())
      return fail("symbol is not a ticker: '" + std::string(at(cols_.symbol).substr(0, 20)) + "'", "symbol");
    bar.symbol = *s;
  } else {
    bar.symbol = options_.symbol;
  }
  std::string when(at(cols_.date));
  if (cols_.time >= 0) when += " " + std::string(at(cols_.time));
  Result<CsvTime> t = parse_csv_time(when);
  if (!t.is_ok()) return fail("not a date or time: '" + when.substr(0, 40) + "'", "date");
  if (t->date_only)
    bar.at = t->at + std::chrono::hours(24);
  else
    bar.at = t->at + options_.bar_length;
  const std::pair<int, Price*> prices[] = {
      {cols_.open, &bar.open}, {cols_.high, &bar.high}, {cols_.low, &bar.low}, {cols_.close, &bar.close}};
  const char* names[] = {"open", "high", "low", "close"};
  for (int i = 0; i < 4; ++i) {
    Result<Price> p = read_price(at(prices[i].first), names[i]);
    if (!p.is_ok()) return fail(p.status().message(), p.status().field());
    *prices[i].second = *p;
  }
  std::string_view vol = at(cols_.volume);
  bar.volume = 0;
  bool vol_ok = !vol.empty() && vol.size() <= 18;
  for (char c : vol) {
    if (c < '0' || c > '9') vol_ok = false;
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
