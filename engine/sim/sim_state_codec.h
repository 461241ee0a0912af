// The sim state as stored in the desk directory: a SimState as versioned JSON,
// and its strict reader.
#pragma once

#include <string>
#include <string_view>

#include "model/status.h"
#include "sim/simulation.h"

namespace stonks {

// Bumped whenever the stored shape changes; decode reads exactly this one.
inline constexpr int kSimStateVersion = 1;

// {"version":1,"settings":{...},"clock":"...","quotes":N,"news":N,
//  "market":{"rng":"<64 hex digits>","tickers":[{"ticker","fair","regime",
//  "updated","next_quote","next_jump","next_switch"},...]},
//  "news_generator":{"rng":"...","next_at":"..."|null}}
// Prices are exact decimal strings, times ISO-8601 UTC with microseconds.
std::string encode_sim_state(const SimState& state);

// Reads what encode_sim_state wrote. Damaged input is kCorruption with a
// message naming the field, "sim state: market.tickers[3].fair: ...": text
// that is not JSON, another version, a missing, unknown or mistyped field,
// or values Simulation::restore refuses. What decodes, restores.
Result<SimState> decode_sim_state(std::string_view text);

}  // namespace stonks
