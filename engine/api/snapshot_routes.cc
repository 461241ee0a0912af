// GET /api/snapshot: the engine's whole state and the seq it is at, from
// which a remote replica follows GET /api/events?after=<last_seq>.
#include "api/routes.h"
#include "journal/state_codec.h"

namespace stonks {

ApiResponse get_snapshot(RouteContext& ctx) {
  const EngineState& state = ctx.state();
  return json_response(200, {{"last_seq", state.last_seq}, {"state", to_json(state)}});
}

}  // namespace stonks
