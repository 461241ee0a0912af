// The binary encoding shared by the journal's binary payloads (events:
// journal/binary_event_codec.h, snapshots: journal/binary_state_codec.h):
// varints, zigzag signed integers, length-prefixed text, and the order and
// fill records both carry. Layout: docs/journal_format.md, Event payloads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "model/enum_names.h"
#include "model/fill.h"
#include "model/order.h"
#include "model/status.h"

namespace stonks::binary {

inline std::uint64_t zigzag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
inline std::int64_t unzigzag(std::uint64_t v) {
  return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

class Writer {
 public:
  explicit Writer(std::size_t reserve = 96) { out_.reserve(reserve); }
  void u64(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void i64(std::int64_t v) { u64(zigzag(v)); }
  void byte(std::uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void text(std::string_view s) {
    u64(s.size());
    out_.append(s);
  }
  void price(Price p) { i64(p.micros()); }
  void money(Money m) { i64(m.micros()); }
  void time(Timestamp t) { i64(micros_since_epoch(t)); }
  // Times inside a record are stored as the distance from the record's own
  // time: usually zero, one byte instead of eight.
  void time_near(Timestamp t, Timestamp base) { i64(micros_since_epoch(t) - micros_since_epoch(base)); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what Writer wrote; the first failure sticks and names the field.
class Reader {
 public:
  // `what` begins every error message ("binary event", "binary snapshot").
  Reader(std::string_view in, const char* what) : in_(in), what_(what) {}

  std::uint64_t u64(const char* field) {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return fail(field, "ends early");
      const auto b = static_cast<std::uint8_t>(in_[pos_++]);
      if (shift == 63 && b > 1) return fail(field, "varint too long");
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (b < 0x80) return v;
    }
    return fail(field, "varint too long");
  }
  std::int64_t i64(const char* field) { return unzigzag(u64(field)); }
  std::uint8_t byte(const char* field) {
    if (pos_ >= in_.size()) return static_cast<std::uint8_t>(fail(field, "ends early"));
    return static_cast<std::uint8_t>(in_[pos_++]);
  }
  // A byte that must be below `count` (an enum's number of values).
  std::uint8_t choice(const char* field, std::uint8_t count) {
    const std::uint8_t b = byte(field);
    if (b >= count) fail(field, "out of range");
    return b;
  }
  // An enum stored as its number; numbers without an enumerator are refused.
  template <NamedEnum E>
  E enumerator(const char* field) {
    return static_cast<E>(choice(field, static_cast<std::uint8_t>(std::size(EnumNames<E>::table))));
  }
  std::string text(const char* field) {
    const std::uint64_t n = u64(field);
    if (n > in_.size() - pos_) {
      fail(field, "ends early");
      return {};
    }
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  Symbol symbol(const char* field) {
    const std::string t = text(field);
    Result<Symbol> s = Symbol::parse(t);
    if (!s.is_ok()) {
      fail(field, "not a ticker");
      return Symbol();
    }
    return *s;
  }
  Price price(const char* field) { return Price::from_micros(i64(field)); }
  Money money(const char* field) { return Money::from_micros(i64(field)); }
  Timestamp time(const char* field) { return timestamp_from_micros(i64(field)); }
  Timestamp time_near(const char* field, Timestamp base) {
    // Wrapping addition: a damaged offset must not overflow a signed add.
    const auto sum = static_cast<std::uint64_t>(i64(field)) + static_cast<std::uint64_t>(micros_since_epoch(base));
    return timestamp_from_micros(static_cast<std::int64_t>(sum));
  }

  // A count of items that take at least one byte each: more than the bytes
  // left is refused before anything is allocated for them.
  std::uint64_t count(const char* field) {
    const std::uint64_t n = u64(field);
    if (n > in_.size() - pos_) return fail(field, "count past the end");
    return n;
  }

  // Records a failure of a check made on what was read.
  void refuse(const char* field, const char* what) { fail(field, what); }

  // ok when everything was read and nothing is left over.
  Status finish() {
    if (status_.is_ok() && pos_ != in_.size()) fail("payload", "has bytes left over");
    return status_;
  }
  bool ok() const { return status_.is_ok(); }

 private:
  std::uint64_t fail(const char* field, const char* what) {
    if (status_.is_ok())
      status_ = Status::invalid_argument(
          std::string(what_) + ": " + field + " " + what + " at byte " + std::to_string(pos_), field);
    pos_ = in_.size();  // nothing more to read
    return 0;
  }

  std::string_view in_;
  const char* what_;
  std::size_t pos_ = 0;
  Status status_;
};

// Orders are written in the newest layout. kV1 is how orders were written
// before they carried who submitted them and the gate's decision (journal
// kind 1 records, snapshot format 2); they read with both empty.
enum class OrderLayout { kV1, kV2 };
void write_order(Writer& w, const Order& o, Timestamp at);
// Order::restore's verdict on what was read, or the reader's first error.
Result<Order> read_order(Reader& r, Timestamp at, OrderLayout layout = OrderLayout::kV2);
void write_fill(Writer& w, const Fill& f, Timestamp at);
Fill read_fill(Reader& r, Timestamp at);

}  // namespace stonks::binary
