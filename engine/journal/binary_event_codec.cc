#include "journal/binary_event_codec.h"

#include <cstdint>
#include <utility>

#include "journal/binary_io.h"

namespace stonks {
namespace {

using binary::Reader;
using binary::Writer;

// The binary form of the event types that have one: a kind byte (never
// renumber) and the fields. An Event alternative without a BinaryForm keeps
// the JSON payload.
template <class T>
struct BinaryForm;

// Kind 1 held orders before they carried their submitter and gate decision
// (binary::OrderLayout::kV1); it is still read, never written.
constexpr std::uint8_t kOrderReceivedV1Kind = 1;

Result<OrderReceived> read_order_received(Reader& r, Timestamp at, binary::OrderLayout layout) {
  Result<Order> o = binary::read_order(r, at, layout);
  if (!o.is_ok()) return o.status();
  return OrderReceived{std::move(o).value()};
}

template <>
struct BinaryForm<OrderReceived> {
  static constexpr std::uint8_t kKind = 6;
  static void write(Writer& w, const OrderReceived& e, Timestamp at) { binary::write_order(w, e.order, at); }
  static Result<OrderReceived> read(Reader& r, Timestamp at) {
    return read_order_received(r, at, binary::OrderLayout::kV2);
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
  static void write(Writer& w, const OrderFilled& e, Timestamp at) { binary::write_fill(w, e.fill, at); }
  static Result<OrderFilled> read(Reader& r, Timestamp at) { return OrderFilled{binary::read_fill(r, at)}; }
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

template <>
struct BinaryForm<BarReceived> {
  static constexpr std::uint8_t kKind = 5;
  static void write(Writer& w, const BarReceived& e, Timestamp at) {
    const Bar& b = e.bar;
    w.text(b.symbol.str());
    w.price(b.open);
    w.price(b.high);
    w.price(b.low);
    w.price(b.close);
    w.i64(b.volume);
    w.time_near(b.at, at);
  }
  static Result<BarReceived> read(Reader& r, Timestamp at) {
    Bar b;
    b.symbol = r.symbol("bar.ticker");
    b.open = r.price("bar.open");
    b.high = r.price("bar.high");
    b.low = r.price("bar.low");
    b.close = r.price("bar.close");
    b.volume = r.i64("bar.volume");
    b.at = r.time_near("bar.at", at);
    return BarReceived{b};
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
  if (kind == kOrderReceivedV1Kind) {
    Result<OrderReceived> e = read_order_received(r, record.at, binary::OrderLayout::kV1);
    if (!e.is_ok()) return e.status();
    record.event = std::move(e).value();
    return Status::ok();
  }
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
          Writer w;
          w.byte(static_cast<std::uint8_t>(kBinaryEventMarker));
          w.byte(BinaryForm<T>::kKind);
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
  Reader r(payload, "binary event");
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
