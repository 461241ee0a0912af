// ApiRouter: the one API surface, (method, path, query, JSON body) -> (status,
// JSON). The native HTTP server and the browser panel both call it in-process;
// docs/api.md lists every route and the error model.
#pragma once

#include "api/api_types.h"
#include "core/engine.h"
#include "core/event_log.h"

namespace stonks {

class ApiRouter {
 public:
  // `engine` and `log` must outlive the router; `log` must be the sink (or
  // wrap the sink) the engine commits to, so the events and audit routes see
  // every committed event.
  ApiRouter(Engine& engine, const EventLog& log, ApiOptions options = {});

  // Answers one request. Never throws. A request answered with an error
  // (status >= 400) changes nothing: no command ran to completion, no event
  // was appended. The one exception is an order refused by the risk checks
  // (422 risk_rejected): the order is kept as risk_rejected for the audit
  // trail, so its order_received and order_risk_rejected events are appended.
  // Not thread-safe: the host serialises calls with every other use of the
  // engine.
  ApiResponse handle(const ApiRequest& request);

  const ApiOptions& options() const { return options_; }

 private:
  Engine& engine_;
  const EventLog& log_;
  ApiOptions options_;
};

}  // namespace stonks
