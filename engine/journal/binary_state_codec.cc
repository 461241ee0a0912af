#include "journal/binary_state_codec.h"

#include <utility>

#include "journal/binary_io.h"
#include "journal/state_codec.h"
#include "json/json_path.h"
#include "json/json_values.h"

namespace stonks {
namespace {

// The first byte of a binary snapshot; JSON ones begin with '{'.
constexpr char kBinaryStateMarker = '\x01';

// Orders and fills carry absolute times: no record time to be near.
constexpr Timestamp kEpoch{};

// The first format whose orders carry their submitter and gate decision.
constexpr std::uint64_t kFormatWithGate = 3;

Status read_orders_and_fills(binary::Reader& r, binary::OrderLayout layout, EngineState& s) {
  const std::uint64_t orders = r.count("orders");
  for (std::uint64_t i = 0; i < orders && r.ok(); ++i) {
    Result<Order> o = binary::read_order(r, kEpoch, layout);
    if (!o.is_ok()) return under_path(o.status(), "orders[" + std::to_string(i) + "]");
    if (!s.orders.append(std::move(o).value()))
      return Status::invalid_argument("binary snapshot: order ids out of sequence: ids run 1, 2, 3, ...",
                                      "orders[" + std::to_string(i) + "].id");
  }
  const std::uint64_t fills = r.count("fills");
  for (std::uint64_t i = 0; i < fills && r.ok(); ++i) s.fills.push_back(binary::read_fill(r, kEpoch));
  return r.finish();
}

Result<EngineState> decode_binary(std::string_view payload) {
  binary::Reader r(payload, "binary snapshot");
  (void)r.byte("marker");
  const std::uint64_t format = r.u64("format");
  if (r.ok() && format > kSnapshotStateFormat)
    return Status::invalid_argument("snapshot format " + std::to_string(format) + " is newer than this build reads (" +
                                        std::to_string(kSnapshotStateFormat) + ")",
                                    "format");
  if (r.ok() && format < 2)
    return Status::invalid_argument("binary snapshot: unknown format " + std::to_string(format), "format");
  const std::string text = r.text("json");
  if (!r.ok()) return r.finish();
  Result<nlohmann::json> j = parse_json(text);
  if (!j.is_ok()) return j.status();
  EngineState s;
  if (Status st = read_json_without_orders_and_fills(*j, s); !st.is_ok()) return st;
  const binary::OrderLayout layout = format >= kFormatWithGate ? binary::OrderLayout::kV2 : binary::OrderLayout::kV1;
  if (Status st = read_orders_and_fills(r, layout, s); !st.is_ok()) return st;
  if (Status st = check_cancel_requests(s); !st.is_ok()) return st;
  rebuild_derived_state(s);
  return s;
}

}  // namespace

std::string encode_snapshot_state(const EngineState& state) {
  const std::string text = dump_json(to_json_without_orders_and_fills(state));
  binary::Writer w(text.size() + 64 * (state.orders.size() + state.fills.size()) + 32);
  w.byte(static_cast<std::uint8_t>(kBinaryStateMarker));
  w.u64(kSnapshotStateFormat);
  w.text(text);
  w.u64(state.orders.size());
  for (const auto& kv : state.orders) binary::write_order(w, kv.second, kEpoch);
  w.u64(state.fills.size());
  for (const Fill& f : state.fills) binary::write_fill(w, f, kEpoch);
  return w.take();
}

Result<EngineState> decode_snapshot_state(std::string_view payload) {
  if (!payload.empty() && payload[0] == kBinaryStateMarker) return decode_binary(payload);
  return decode_engine_state(payload);
}

}  // namespace stonks
