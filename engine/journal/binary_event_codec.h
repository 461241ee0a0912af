// A compact binary journal payload for the events that come by the million:
// orders received, submitted and filled, quotes and bars. Encoding and decoding
// them as JSON cost more than the engine spent on the order itself; every
// other event keeps the JSON payload (journal/event_codec.h), which is what
// decode_event() tells apart by the first byte. Layout: docs/journal_format.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/events.h"
#include "model/status.h"

namespace stonks {

// The payload's first byte: JSON payloads start with '{'.
inline constexpr char kBinaryEventMarker = '\x01';

// The binary payload of `record`, or nullopt when its kind has none.
std::optional<std::string> encode_binary_event(const EventRecord& record);

// Strict: a payload that ends early, has bytes left over, an unknown kind, an
// enum out of range, an invalid ticker or an order no lifecycle could produce
// is kInvalidArgument saying where.
Result<EventRecord> decode_binary_event(std::string_view payload);

}  // namespace stonks
