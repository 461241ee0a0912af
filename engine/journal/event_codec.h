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

// The journal payload: compact JSON text of to_json(record).
std::string encode_event(const EventRecord& record);
Result<EventRecord> decode_event(std::string_view payload);

}  // namespace stonks
