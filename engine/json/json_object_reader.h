// JsonObjectReader: strict, non-throwing field access for one JSON object.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/enum_names.h"
#include "model/fixed_point.h"
#include "model/reason.h"
#include "model/status.h"
#include "model/symbol.h"
#include "model/time.h"

namespace stonks {

// Reads the fields of one JSON object and remembers which keys it read, so
// finish() can refuse unknown ones. Typical use:
//
//   JsonObjectReader r(j, "order");
//   r.required_symbol("ticker", intent.symbol);
//   r.optional_string("source", intent.source);   // keeps the default if absent
//   if (Status s = r.finish(); !s.is_ok()) return s;
//
// Every getter reads `key` into `out` and returns true when it did. A missing
// key is an error for required_* and leaves `out` untouched for optional_*.
// JSON null is read as nullopt by the getters whose `out` is std::optional
// (so optional values may be written as null); elsewhere it is a type error.
// A value of the wrong type or out of range is an error and leaves `out`
// untouched. The first error wins: after it every getter returns false and
// finish() returns it. Errors are
// Status::invalid_argument with field() the full dotted path ("limits.
// max_order_notional", "tradable_symbols[2]") and a message saying what was
// expected. Never throws. `object` must outlive the reader; the reader is not
// thread-safe.
class JsonObjectReader {
 public:
  // `path` prefixes every field name in errors; empty at the top level. A
  // non-object `object` is recorded as an error at `path` right away.
  explicit JsonObjectReader(const nlohmann::json& object, std::string path = {});
  // The reader keeps a reference: a temporary object would dangle.
  explicit JsonObjectReader(nlohmann::json&& object, std::string path = {}) = delete;

  bool required_string(std::string_view key, std::string& out);
  bool optional_string(std::string_view key, std::string& out);
  bool required_bool(std::string_view key, bool& out);
  bool optional_bool(std::string_view key, bool& out);

  // JSON integers only (1.5, 1.0 and "1" are refused), within out's type range.
  bool required_int(std::string_view key, int& out);
  bool required_int(std::string_view key, std::int64_t& out);
  bool required_int(std::string_view key, std::uint64_t& out);
  bool optional_int(std::string_view key, int& out);
  bool optional_int(std::string_view key, std::int64_t& out);
  bool optional_int(std::string_view key, std::uint64_t& out);

  // Price/Money: see micros_from_json in json/json_values.h for the forms.
  template <class Tag>
  bool required_decimal(std::string_view key, Fixed<Tag>& out) {
    return read_decimal(key, true, out);
  }
  template <class Tag>
  bool optional_decimal(std::string_view key, Fixed<Tag>& out) {
    return read_decimal(key, false, out);
  }
  // JSON null reads as nullopt; absent leaves `out` untouched, as above.
  template <class Tag>
  bool optional_decimal(std::string_view key, std::optional<Fixed<Tag>>& out);

  // ISO-8601 UTC strings ("2026-11-24T09:30:00Z").
  bool required_timestamp(std::string_view key, Timestamp& out);
  bool optional_timestamp(std::string_view key, Timestamp& out);
  // JSON null reads as nullopt; absent leaves `out` untouched.
  bool optional_timestamp(std::string_view key, std::optional<Timestamp>& out);

  // Tickers, checked by Symbol::parse.
  bool required_symbol(std::string_view key, Symbol& out);
  bool optional_symbol_list(std::string_view key, std::vector<Symbol>& out);
  bool required_string_list(std::string_view key, std::vector<std::string>& out);
  bool optional_string_list(std::string_view key, std::vector<std::string>& out);

  // An enum by its wire name (model/enum_names.h), one of `allowed` when
  // given; the error lists the names: expected "buy" or "sell".
  template <NamedEnum E>
  bool required_enum(std::string_view key, E& out, std::initializer_list<E> allowed = {}) {
    return read_enum(key, true, out, allowed);
  }
  template <NamedEnum E>
  bool optional_enum(std::string_view key, E& out, std::initializer_list<E> allowed = {}) {
    return read_enum(key, false, out, allowed);
  }
  // Reasons in the form Reason::to_string() writes ("LOCKED_OUT: ...").
  bool required_reason_list(std::string_view key, std::vector<Reason>& out);

  // A nested object: when `key` is present, calls read(JsonObjectReader&) with
  // a reader for it (path "<path>.<key>"), then finishes that reader and
  // adopts its error. Returns true when the key was present and read cleanly.
  template <class ReadFn>
  bool optional_object(std::string_view key, ReadFn&& read);

  // The raw value at `key`, marked as read, for a nested value that has its
  // own codec; nullptr (and an error) when absent or after an earlier error.
  const nlohmann::json* required_value(std::string_view key) { return find(key, true); }
  // The same for an optional one: nullptr when absent (no error).
  const nlohmann::json* optional_value(std::string_view key) { return find(key, false); }

  // Records `message` against `key` (path "<path>.<key>") unless an error is
  // already recorded. Marks `key` as read.
  void fail(std::string_view key, std::string message);
  // Records `status` unless an error is already recorded. An invalid_argument
  // status gets its field prefixed with this reader's path (a validate()
  // result naming "qty" becomes "order.qty"); other codes are kept as they are.
  void adopt(const Status& status);

  // "<path>.<key>", or `key` at the top level.
  std::string path_of(std::string_view key) const;
  bool ok() const { return status_.is_ok(); }
  const Status& status() const { return status_; }

  // The first error; otherwise an error naming the first (in key order) field
  // no getter asked for; otherwise ok.
  Status finish();

 private:
  // The value at `key`, marking it read; nullptr when absent (recording an
  // error if `required`) or when an error is already recorded.
  const nlohmann::json* find(std::string_view key, bool required);
  // Marks `key` read and says whether it holds JSON null (no error recorded).
  bool is_null(std::string_view key);
  template <class Int>
  bool read_int(std::string_view key, bool required, Int& out);
  bool read_micros(std::string_view key, bool required, std::int64_t& out);
  template <class Tag>
  bool read_decimal(std::string_view key, bool required, Fixed<Tag>& out) {
    std::int64_t micros = 0;
    if (!read_micros(key, required, micros)) return false;
    out = Fixed<Tag>::from_micros(micros);
    return true;
  }
  const std::string* read_string_value(std::string_view key, bool required);
  bool read_string_list(std::string_view key, bool required, std::vector<std::string>& out);
  template <class E>
  bool read_enum(std::string_view key, bool required, E& out, std::initializer_list<E> allowed);

  const nlohmann::json& object_;
  std::string path_;
  std::set<std::string, std::less<>> read_keys_;
  Status status_;
};

template <class Tag>
bool JsonObjectReader::optional_decimal(std::string_view key, std::optional<Fixed<Tag>>& out) {
  if (is_null(key)) {
    if (!ok()) return false;
    out.reset();
    return true;
  }
  Fixed<Tag> value;
  if (!read_decimal(key, false, value)) return false;
  out = value;
  return true;
}

template <class E>
bool JsonObjectReader::read_enum(std::string_view key, bool required, E& out, std::initializer_list<E> allowed) {
  const std::string* text = read_string_value(key, required);
  if (text == nullptr) return false;
  std::optional<E> value = parse_enum<E>(*text, allowed);
  if (!value) {
    fail(key, "expected " + enum_choices<E>(allowed) + ", got \"" + text->substr(0, 40) + "\"");
    return false;
  }
  out = *value;
  return true;
}

template <class ReadFn>
bool JsonObjectReader::optional_object(std::string_view key, ReadFn&& read) {
  const nlohmann::json* value = find(key, false);
  if (value == nullptr) return false;
  JsonObjectReader nested(*value, path_of(key));
  if (nested.ok()) read(nested);
  Status s = nested.finish();
  if (!s.is_ok()) {
    status_ = s;  // already carries the full path
    return false;
  }
  return true;
}

}  // namespace stonks
