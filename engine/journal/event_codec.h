// The wire and journal form of events: one JSON object per EventRecord,
// {"seq":..,"at":"..","type":"order_received","data":{..}}.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/events.h"
#include "model/status.h"

namespace stonks {

nlohmann::json to_json(const EventRecord& record);
// Strict: unknown types or fields, missing fields and bad values are
// kInvalidArgument naming the field.
Result<EventRecord> event_record_from_json(const nlohmann::json& value);

// The journal payload: the binary form for the high-volume events (orders
// received, submitted, filled; quotes, bars -- journal/binary_event_codec.h),
// compact JSON text of to_json(record) for the rest.
// decode_event(encode_event(r)) == r exactly, provided every string in r is
// valid UTF-8 (dump_json replaces bad bytes with U+FFFD) and every time lies
// in years 0000-9999 (the ISO-8601 form has four year digits). The engine's
// command checks are what keep events inside those bounds.
std::string encode_event(const EventRecord& record);
Result<EventRecord> decode_event(std::string_view payload);

}  // namespace stonks
