#include "journal/binary_event_codec.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace stonks {
namespace {

std::uint64_t zigzag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }

class Writer {
 public:
  explicit Writer(std::uint8_t kind) {
    out_.reserve(96);
    out_.push_back(kBinaryEventMarker);
    out_.push_back(static_cast<char>(kind));
  }
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
  explicit Reader(std::string_view in) : in_(in) {}

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
          std::string("binary event: ") + field + " " + what + " at byte " + std::to_string(pos_), field);
    pos_ = in_.size();  // nothing more to read
    return 0;
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  Status status_;
};

void write_order(Writer& w, const Order& o, Timestamp at) {
  const OrderIntent& in = o.intent();
  w.u64(o.id());
  w.text(in.symbol.str());
  w.byte(static_cast<std::uint8_t>(in.side));
  w.i64(in.qty);
  w.byte(static_cast<std::uint8_t>(in.type));
  w.byte(in.limit_price ? 1 : 0);
  if (in.limit_price) w.price(*in.limit_price);
  w.text(in.client_order_id);
  w.text(in.source);
  w.byte(static_cast<std::uint8_t>(o.status()));
  w.i64(o.filled_qty());
  w.money(o.filled_notional());
  w.money(o.fees());
  w.time_near(o.created_at(), at);
  w.time_near(o.updated_at(), at);
  w.u64(o.reasons().size());
  for (const Reason& r : o.reasons()) w.text(r.to_string());
  w.u64(o.approval_id());
}

Result<Order> read_order(Reader& r, Timestamp at) {
  Order::Fields f;
  f.id = r.u64("order.id");
  f.intent.symbol = r.symbol("order.ticker");
  f.intent.side = r.enumerator<Side>("order.side");
  f.intent.qty = r.i64("order.qty");
  f.intent.type = r.enumerator<OrderType>("order.type");
  if (r.choice("order.limit_price", 2) == 1) f.intent.limit_price = r.price("order.limit_price");
  f.intent.client_order_id = r.text("order.client_order_id");
  f.intent.source = r.text("order.source");
  f.status = r.enumerator<OrderStatus>("order.status");
  f.filled_qty = r.i64("order.filled_qty");
  f.filled_notional = r.money("order.filled_notional");
  f.fees = r.money("order.fees");
  f.created_at = r.time_near("order.created_at", at);
  f.updated_at = r.time_near("order.updated_at", at);
  const std::uint64_t reasons = r.u64("order.reasons");
  for (std::uint64_t i = 0; i < reasons && r.ok(); ++i) {
    std::optional<Reason> reason = parse_reason(r.text("order.reasons"));
    if (!reason) return Status::invalid_argument("binary event: order.reasons is not a reason code");
    f.reasons.push_back(std::move(*reason));
  }
  f.approval_id = r.u64("order.approval_id");
  if (!r.ok()) return r.finish();
  return Order::restore(std::move(f));
}

// The binary form of the event types that have one: a kind byte (never
// renumber) and the fields. An Event alternative without a BinaryForm keeps
// the JSON payload.
template <class T>
struct BinaryForm;

template <>
struct BinaryForm<OrderReceived> {
  static constexpr std::uint8_t kKind = 1;
  static void write(Writer& w, const OrderReceived& e, Timestamp at) { write_order(w, e.order, at); }
  static Result<OrderReceived> read(Reader& r, Timestamp at) {
    Result<Order> o = read_order(r, at);
    if (!o.is_ok()) return o.status();
    return OrderReceived{std::move(o).value()};
  }
};

template <>
struct BinaryForm<OrderSubmitted> {
  static constexpr std::uint8_t kKind = 2;
  static void write(Writer& w, const OrderSubmitted& e, Timestamp) { w.u64(e.order_id); }
  static Result<OrderSubmitted> read(Reader& r, Timestamp) { return OrderSubmitted{r.u64("order_id")}; }
};

template <>
struct BinaryForm<OrderFilled> {
  static constexpr std::uint8_t kKind = 3;
  static void write(Writer& w, const OrderFilled& e, Timestamp at) {
    const Fill& f = e.fill;
    w.u64(f.id);
    w.u64(f.order_id);
    w.text(f.symbol.str());
    w.byte(static_cast<std::uint8_t>(f.side));
    w.i64(f.qty);
    w.price(f.price);
    w.money(f.fee);
    w.time_near(f.at, at);
  }
  static Result<OrderFilled> read(Reader& r, Timestamp at) {
    Fill f;
    f.id = r.u64("fill.id");
    f.order_id = r.u64("fill.order_id");
    f.symbol = r.symbol("fill.ticker");
    f.side = r.enumerator<Side>("fill.side");
    f.qty = r.i64("fill.qty");
    f.price = r.price("fill.price");
    f.fee = r.money("fill.fee");
    f.at = r.time_near("fill.at", at);
    return OrderFilled{f};
  }
};

template <>
struct BinaryForm<QuoteReceived> {
  static constexpr std::uint8_t kKind = 4;
  static void write(Writer& w, const QuoteReceived& e, Timestamp at) {
    const Quote& q = e.quote;
    w.text(q.symbol.str());
    w.price(q.bid);
    w.price(q.ask);
    w.i64(q.bid_size);
    w.i64(q.ask_size);
    w.time_near(q.at, at);
  }
  static Result<QuoteReceived> read(Reader& r, Timestamp at) {
    Quote q;
    q.symbol = r.symbol("quote.ticker");
    q.bid = r.price("quote.bid");
    q.ask = r.price("quote.ask");
    q.bid_size = r.i64("quote.bid_size");
    q.ask_size = r.i64("quote.ask_size");
    q.at = r.time_near("quote.at", at);
    return QuoteReceived{q};
  }
};

template <class T>
concept HasBinaryForm = requires {
  BinaryForm<T>::kKind;
};

// Reads the body of the alternative whose kind is `kind` into `record`.
template <std::size_t... I>
Status read_body(Reader& r, std::uint8_t kind, EventRecord& record, std::index_sequence<I...>) {
  std::optional<Status> done;
  auto try_type = [&]<class T>(T*) {
    if constexpr (HasBinaryForm<T>) {
      if (done || kind != BinaryForm<T>::kKind) return;
      Result<T> e = BinaryForm<T>::read(r, record.at);
      if (!e.is_ok()) return done.emplace(e.status()), void();
      record.event = std::move(e).value();
      done.emplace(Status::ok());
    }
  };
  (try_type(static_cast<std::variant_alternative_t<I, Event>*>(nullptr)), ...);
  if (done) return *done;
  if (!r.ok()) return Status::ok();  // the header was short: finish() reports it
  return Status::invalid_argument("binary event: unknown kind " + std::to_string(kind), "kind");
}

}  // namespace

std::optional<std::string> encode_binary_event(const EventRecord& record) {
  return std::visit(
      [&](const auto& e) -> std::optional<std::string> {
        using T = std::decay_t<decltype(e)>;
        if constexpr (HasBinaryForm<T>) {
          Writer w(BinaryForm<T>::kKind);
          w.u64(record.seq);
          w.time(record.at);
          BinaryForm<T>::write(w, e, record.at);
          return w.take();
        } else {
          return std::nullopt;
        }
      },
      record.event);
}

Result<EventRecord> decode_binary_event(std::string_view payload) {
  Reader r(payload);
  if (r.byte("marker") != static_cast<std::uint8_t>(kBinaryEventMarker))
    return Status::invalid_argument("binary event: not a binary payload", "marker");
  const std::uint8_t kind = r.byte("kind");
  EventRecord record;
  record.seq = r.u64("seq");
  record.at = r.time("at");
  if (Status s = read_body(r, kind, record, std::make_index_sequence<std::variant_size_v<Event>>()); !s.is_ok())
    return s;
  if (Status s = r.finish(); !s.is_ok()) return s;
  return record;
}

}  // namespace stonks
